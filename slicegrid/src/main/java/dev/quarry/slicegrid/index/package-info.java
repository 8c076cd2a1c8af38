/** Finds the best-fitting block for a demand without looking at every block: blocks bucketed by free memory and cpu. */
package dev.quarry.slicegrid.index;
