package dev.quarry.slicegrid.placement;

import dev.quarry.slicegrid.model.Slice;

/** The first block, in slot order, that passes the filters: the classic baseline, a scan of every block. */
public final class FirstFitPlacer implements Placer {
    @Override
    public int choose(Slice slice, Occupancy occupancy, FilterChain filters) {
        for (int slot = 0; slot < occupancy.slotLimit(); slot++) {
            if (occupancy.isUsed(slot) && filters.admits(slice, occupancy, slot)) {
                return slot;
            }
        }
        return NO_BLOCK;
    }
}
