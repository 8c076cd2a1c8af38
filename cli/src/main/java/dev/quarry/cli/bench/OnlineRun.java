package dev.quarry.cli.bench;

import dev.quarry.slicegrid.GridOptions;
import dev.quarry.slicegrid.SliceGrid;
import dev.quarry.slicegrid.model.Block;
import dev.quarry.slicegrid.model.Resources;
import dev.quarry.slicegrid.model.Slice;
import dev.quarry.slicegrid.placement.Placement;
import java.util.List;

/**
 * Places slices one by one on an unbounded grid, adding a block of the capacity whenever the grid asks for
 * one (blocks are named by their index, 0, 1, ...), and times it.
 *
 * @param grid the grid afterwards
 * @param nanos how long the placements took
 */
record OnlineRun(SliceGrid grid, long nanos) {

    static OnlineRun of(Strategy strategy, List<Slice> slices, Resources capacity, long seed) {
        List<Slice> ordered = strategy.order(slices, capacity.memoryMebibytes(), capacity.cpuMillicores());
        SliceGrid grid = new SliceGrid(GridOptions.unbounded(capacity), strategy.placer(seed));
        long start = System.nanoTime();
        for (Slice slice : ordered) {
            placeOrGrow(grid, slice, capacity);
        }
        return new OnlineRun(grid, System.nanoTime() - start);
    }

    /** Places the slice, first adding a block named by the next index when the grid is full. */
    static void placeOrGrow(SliceGrid grid, Slice slice, Resources capacity) {
        Placement placement = grid.place(slice);
        if (placement instanceof Placement.NeedsNewBlock) {
            grid.addBlock(Block.of(Integer.toString(grid.blocksEverAdded()), capacity));
            placement = grid.place(slice);
        }
        if (!(placement instanceof Placement.OnBlock)) {
            throw new IllegalStateException("slice " + slice.id() + " could not be placed: " + placement.describe());
        }
    }
}
