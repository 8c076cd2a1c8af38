package dev.quarry.slicegrid;

import dev.quarry.slicegrid.consolidation.Move;
import dev.quarry.slicegrid.model.Slice;
import dev.quarry.slicegrid.placement.FilterChain;
import dev.quarry.slicegrid.placement.Occupancy;
import dev.quarry.slicegrid.placement.Verdict;
import java.util.function.Consumer;

/** One consolidation move on a grid's occupancy, checked as HQ will run it: the new copy starts first. */
final class GridMoves {
    private GridMoves() {}

    /** Moves the slice if the target has room while the slice still runs where it is; fires added, then removed. */
    static void move(Occupancy occupancy, Move move, Consumer<GridEvent> fire) {
        int from = occupancy.slotOfSlice(move.sliceId());
        int to = occupancy.slotOf(move.to());
        if (from < 0 || !occupancy.block(from).id().equals(move.from()) || to < 0) {
            throw new IllegalStateException("cannot " + move + ": the grid has changed since it was planned");
        }
        Slice slice = occupancy.placedSlice(from, move.sliceId());
        if (FilterChain.REQUIRED.check(slice, occupancy, to) instanceof Verdict.Rejected rejected) {
            throw new IllegalStateException("cannot " + move + ": " + rejected.detail());
        }
        occupancy.release(from, slice);
        occupancy.assign(to, slice);
        fire.accept(new GridEvent.Added(occupancy.block(to), slice));
        fire.accept(new GridEvent.Removed(occupancy.block(from), slice));
    }
}
