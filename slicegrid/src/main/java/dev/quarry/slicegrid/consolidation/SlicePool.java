package dev.quarry.slicegrid.consolidation;

import dev.quarry.slicegrid.index.DemandIndex;

/**
 * The slices not yet settled on a finished block, and the greedy choice that fills a block from them: the
 * slice leaving the smallest remainder (L2 norm), each dimension weighted by how much of it the pool still
 * needs, so the last blocks are not left with slices heavy in one dimension only. Slices are indexed by
 * demand, so a choice looks at the few that could fit closely rather than the whole pool.
 */
final class SlicePool {
    private final PackingState state;
    private final double balanceExponent;
    private final DemandIndex index;
    private final boolean[] pooled;
    private int size;
    private double memoryLeft;
    private double cpuLeft;
    private final double referenceMemory;
    private final double referenceCpu;

    /** The exponent says how sharply the scarcer dimension is favoured (0: not at all). */
    SlicePool(PackingState state, double balanceExponent) {
        this.state = state;
        this.balanceExponent = balanceExponent;
        Packing packing = state.packing();
        int memory = 1;
        int cpu = 1;
        for (int block = 0; block < packing.blockCount(); block++) {
            memory = Math.max(memory, packing.capacityMemory(block));
            cpu = Math.max(cpu, packing.capacityCpu(block));
        }
        referenceMemory = memory;
        referenceCpu = cpu;
        index = new DemandIndex(memory, cpu);
        pooled = new boolean[packing.sliceCount()];
        for (int slice = 0; slice < packing.sliceCount(); slice++) {
            index.add(slice, packing.demandMemory(slice), packing.demandCpu(slice));
            pooled[slice] = true;
            memoryLeft += packing.demandMemory(slice) / referenceMemory;
            cpuLeft += packing.demandCpu(slice) / referenceCpu;
        }
        size = packing.sliceCount();
    }

    boolean isEmpty() {
        return size == 0;
    }

    void settle(int slice) {
        if (!pooled[slice]) {
            return;
        }
        pooled[slice] = false;
        index.remove(slice);
        size--;
        memoryLeft -= state.packing().demandMemory(slice) / referenceMemory;
        cpuLeft -= state.packing().demandCpu(slice) / referenceCpu;
    }

    /** Moves the best-fitting pool slices onto the block until none fits; each one is settled. */
    void fill(int block) {
        Packing packing = state.packing();
        double total = Math.max(memoryLeft + cpuLeft, 1e-9);
        double memoryWeight = Math.pow(2 * memoryLeft / total, balanceExponent);
        double cpuWeight = Math.pow(2 * cpuLeft / total, balanceExponent);
        while (true) {
            int best = index.closestFit(state.freeMemory(block), state.freeCpu(block), packing.capacityMemory(block),
                    packing.capacityCpu(block), memoryWeight, cpuWeight, slice -> state.accepts(block, slice));
            if (best == DemandIndex.NONE) {
                return;
            }
            state.move(best, block);
            settle(best);
        }
    }
}
