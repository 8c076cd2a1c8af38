package dev.quarry.slicegrid.placement;

import dev.quarry.slicegrid.model.Slice;

/** A block must have the slice's cpu free. */
public final class CpuFilter implements Filter {
    @Override
    public Verdict check(Slice slice, Occupancy occupancy, int slot) {
        int needed = slice.demand().cpuMillicores();
        int free = occupancy.freeCpu(slot);
        if (free >= needed) {
            return Verdict.FITS;
        }
        String id = occupancy.block(slot).id();
        return new Verdict.Rejected("short of cpu",
                "needs " + needed + "m cpu, server " + id + " has " + free + "m free");
    }
}
