package dev.quarry.slicegrid.placement;

import dev.quarry.slicegrid.model.Slice;

/** One question asked of a block before a slice may go there, answered with a reason when the answer is no. */
@FunctionalInterface
public interface Filter {
    Verdict check(Slice slice, Occupancy occupancy, int slot);
}
