/** The OptaPlanner model of consolidation: slices are planning entities, their block is the planning variable. */
package dev.quarry.slicegrid.consolidation.solver;
