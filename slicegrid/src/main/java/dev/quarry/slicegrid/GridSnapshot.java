package dev.quarry.slicegrid;

import static java.util.Objects.requireNonNull;

import dev.quarry.slicegrid.placement.Occupancy;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything a grid knows, as plain values: what grid.json holds and what the picture draws.
 *
 * @param options the grid's options
 * @param blocks each block with its slices, in the grid's order
 * @param pendingCreates blocks asked for (create events) and not yet added
 */
public record GridSnapshot(GridOptions options, List<BlockLoad> blocks, int pendingCreates) {

    public GridSnapshot {
        requireNonNull(options, "options is null");
        blocks = List.copyOf(blocks);
        if (pendingCreates < 0) {
            throw new IllegalArgumentException("pendingCreates must be 0 or more, got " + pendingCreates);
        }
    }

    /** The snapshot of a grid's occupancy, blocks in slot order. */
    static GridSnapshot of(GridOptions options, Occupancy occupancy, int pendingCreates) {
        List<BlockLoad> loads = new ArrayList<>(occupancy.blockCount());
        for (int slot = 0; slot < occupancy.slotLimit(); slot++) {
            if (occupancy.isUsed(slot)) {
                loads.add(new BlockLoad(occupancy.block(slot), occupancy.slices(slot)));
            }
        }
        return new GridSnapshot(options, loads, pendingCreates);
    }

    public int sliceCount() {
        return blocks.stream().mapToInt(load -> load.slices().size()).sum();
    }
}
