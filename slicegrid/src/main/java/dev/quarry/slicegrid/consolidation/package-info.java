/** Consolidation: find a feasible order of slice moves that leaves the grid on fewer blocks, within a time budget. */
package dev.quarry.slicegrid.consolidation;
