package dev.quarry.slicegrid.placement;

import dev.quarry.slicegrid.model.Slice;

/** Picks the block a slice goes to among those that pass the filters. */
@FunctionalInterface
public interface Placer {
    /** What {@link #choose} returns when no block passes. */
    int NO_BLOCK = -1;

    /** The slot of the chosen block, or {@link #NO_BLOCK}. */
    int choose(Slice slice, Occupancy occupancy, FilterChain filters);
}
