package dev.quarry.slicegrid;

import static java.util.Objects.requireNonNull;

import dev.quarry.slicegrid.model.Block;
import dev.quarry.slicegrid.model.Resources;
import dev.quarry.slicegrid.model.Slice;
import java.util.List;

/**
 * One block and the slices it holds.
 *
 * @param block the block
 * @param slices the slices on it, in the order they arrived
 */
public record BlockLoad(Block block, List<Slice> slices) {

    public BlockLoad {
        requireNonNull(block, "block is null");
        slices = List.copyOf(slices);
    }

    public Resources used() {
        Resources used = Resources.NONE;
        for (Slice slice : slices) {
            used = used.plus(slice.demand());
        }
        return used;
    }

    /** What is left; negative parts would mean the block is over capacity, which a grid never allows. */
    public Resources free() {
        Resources used = used();
        return new Resources(Math.max(0, block.capacity().memoryMebibytes() - used.memoryMebibytes()),
                Math.max(0, block.capacity().cpuMillicores() - used.cpuMillicores()));
    }
}
