package dev.quarry.slicegrid.placement;

import dev.quarry.slicegrid.model.Slice;

/**
 * Keeps replicas of one node on different blocks, so losing a server does not take the whole node down.
 * Placers ask it first and drop it when no block would pass: spreading is a preference, not a rule.
 */
public final class SpreadFilter implements Filter {
    @Override
    public Verdict check(Slice slice, Occupancy occupancy, int slot) {
        if (!occupancy.hostsNode(slot, slice.node())) {
            return Verdict.FITS;
        }
        String id = occupancy.block(slot).id();
        return new Verdict.Rejected("already run " + slice.node(),
                "server " + id + " already runs a replica of " + slice.node());
    }
}
