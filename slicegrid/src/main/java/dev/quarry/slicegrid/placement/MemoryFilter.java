package dev.quarry.slicegrid.placement;

import dev.quarry.slicegrid.model.Slice;

/** A block must have the slice's memory free. */
public final class MemoryFilter implements Filter {
    @Override
    public Verdict check(Slice slice, Occupancy occupancy, int slot) {
        int needed = slice.demand().memoryMebibytes();
        int free = occupancy.freeMemory(slot);
        if (free >= needed) {
            return Verdict.FITS;
        }
        String id = occupancy.block(slot).id();
        return new Verdict.Rejected("short of memory",
                "needs " + needed + " MiB, server " + id + " has " + free + " MiB free");
    }
}
