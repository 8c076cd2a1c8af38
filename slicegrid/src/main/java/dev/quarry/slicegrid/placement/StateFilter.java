package dev.quarry.slicegrid.placement;

import dev.quarry.slicegrid.model.BlockState;
import dev.quarry.slicegrid.model.Slice;

/** Only ready blocks take slices; a draining block is on its way out. */
public final class StateFilter implements Filter {
    @Override
    public Verdict check(Slice slice, Occupancy occupancy, int slot) {
        BlockState state = occupancy.block(slot).state();
        if (state == BlockState.READY) {
            return Verdict.FITS;
        }
        String id = occupancy.block(slot).id();
        return new Verdict.Rejected("draining", "server " + id + " is draining and takes no new slices");
    }
}
