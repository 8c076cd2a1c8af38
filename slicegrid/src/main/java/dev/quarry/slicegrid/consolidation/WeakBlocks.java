package dev.quarry.slicegrid.consolidation;

import java.util.Comparator;
import java.util.stream.IntStream;

/** Picks the blocks in use with the least load (memory and cpu as fractions of capacity, added). */
final class WeakBlocks {
    private WeakBlocks() {}

    /** A mark for each block: whether it is among the {@code count} lightest blocks in use. */
    static boolean[] lightest(PackingState state, int count) {
        Packing packing = state.packing();
        boolean[] marked = new boolean[packing.blockCount()];
        IntStream.range(0, packing.blockCount()).filter(block -> state.memberCount(block) > 0).boxed()
                .sorted(Comparator.comparingDouble(block -> load(state, block)))
                .limit(count).forEach(block -> marked[block] = true);
        return marked;
    }

    static double load(PackingState state, int block) {
        Packing packing = state.packing();
        return (double) state.usedMemory(block) / packing.capacityMemory(block)
                + (double) state.usedCpu(block) / packing.capacityCpu(block);
    }
}
