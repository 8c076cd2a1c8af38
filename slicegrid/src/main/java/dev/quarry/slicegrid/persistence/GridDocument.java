package dev.quarry.slicegrid.persistence;

import dev.quarry.slicegrid.BlockLoad;
import dev.quarry.slicegrid.GridOptions;
import dev.quarry.slicegrid.GridSnapshot;
import dev.quarry.slicegrid.model.Block;
import dev.quarry.slicegrid.model.BlockState;
import dev.quarry.slicegrid.model.Resources;
import dev.quarry.slicegrid.model.Slice;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The shape of grid.json (version 1): the grid's options, then each block with its slices. Kept apart from
 * the model so the file format changes only on purpose.
 */
record GridDocument(int version, OptionsDocument options, int pendingCreates, List<BlockDocument> blocks) {
    static final int VERSION = 1;

    record OptionsDocument(int min, int max, boolean autosize, int newBlockMemoryMiB, int newBlockCpuMillicores) {}

    record BlockDocument(String id, int memoryMiB, int cpuMillicores, List<String> tags, BlockState state, List<SliceDocument> slices) {}

    record SliceDocument(String id, String node, int memoryMiB, int cpuMillicores, List<String> requiredTags) {}

    static GridDocument of(GridSnapshot snapshot) {
        GridOptions options = snapshot.options();
        List<BlockDocument> blocks = new ArrayList<>();
        for (BlockLoad load : snapshot.blocks()) {
            Block block = load.block();
            List<SliceDocument> slices = load.slices().stream()
                    .map(slice -> new SliceDocument(slice.id(), slice.node(), slice.demand().memoryMebibytes(),
                            slice.demand().cpuMillicores(), slice.requiredTags().stream().sorted().toList()))
                    .toList();
            blocks.add(new BlockDocument(block.id(), block.capacity().memoryMebibytes(), block.capacity().cpuMillicores(),
                    block.tags().stream().sorted().toList(), block.state(), slices));
        }
        return new GridDocument(VERSION, new OptionsDocument(options.min(), options.max(), options.autosize(),
                options.newBlockCapacity().memoryMebibytes(), options.newBlockCapacity().cpuMillicores()),
                snapshot.pendingCreates(), blocks);
    }

    /** The snapshot this document describes; a message naming the key path when a value is invalid. */
    GridSnapshot toSnapshot() {
        if (version != VERSION) {
            throw new IllegalArgumentException("version: must be " + VERSION + ", got " + version);
        }
        if (options == null || blocks == null) {
            throw new IllegalArgumentException((options == null ? "options" : "blocks") + ": missing");
        }
        GridOptions gridOptions = at("options", () -> new GridOptions(options.min(), options.max(), options.autosize(),
                new Resources(options.newBlockMemoryMiB(), options.newBlockCpuMillicores())));
        List<BlockLoad> loads = new ArrayList<>();
        for (int index = 0; index < blocks.size(); index++) {
            BlockDocument document = blocks.get(index);
            loads.add(at("blocks[" + index + "]", () -> load(document)));
        }
        return at("pendingCreates", () -> new GridSnapshot(gridOptions, loads, pendingCreates));
    }

    private static BlockLoad load(BlockDocument document) {
        Block block = new Block(document.id(), new Resources(document.memoryMiB(), document.cpuMillicores()),
                Set.copyOf(orEmpty(document.tags())), document.state() == null ? BlockState.READY : document.state());
        List<Slice> slices = new ArrayList<>();
        for (SliceDocument slice : orEmpty(document.slices())) {
            slices.add(new Slice(slice.id(), slice.node(), new Resources(slice.memoryMiB(), slice.cpuMillicores()),
                    Set.copyOf(orEmpty(slice.requiredTags()))));
        }
        return new BlockLoad(block, slices);
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }

    private static <T> T at(String path, Supplier<T> make) {
        try {
            return make.get();
        } catch (IllegalArgumentException | NullPointerException invalid) {
            throw new IllegalArgumentException(path + ": " + invalid.getMessage(), invalid);
        }
    }
}
