package dev.quarry.slicegrid;

import dev.quarry.slicegrid.model.Resources;

/** Counts that say how tightly a grid is packed. */
public final class GridMeasure {
    private GridMeasure() {}

    /** Blocks holding at least one slice. */
    public static int usedBlocks(GridSnapshot snapshot) {
        return (int) snapshot.blocks().stream().filter(load -> !load.slices().isEmpty()).count();
    }

    /**
     * The fewest blocks of the given capacity that could hold the demand: the larger over the two
     * dimensions of the total demand divided by the capacity, rounded up. No packing can beat it.
     */
    public static long lowerBound(long totalMemory, long totalCpu, Resources capacity) {
        long byMemory = ceilingDivide(totalMemory, capacity.memoryMebibytes());
        long byCpu = ceilingDivide(totalCpu, capacity.cpuMillicores());
        return Math.max(byMemory, byCpu);
    }

    /** {@link #lowerBound(long, long, Resources)} for a grid, with its largest block as the capacity. */
    public static long lowerBound(GridSnapshot snapshot) {
        long memory = 0;
        long cpu = 0;
        Resources largest = snapshot.options().newBlockCapacity();
        for (BlockLoad load : snapshot.blocks()) {
            memory += load.used().memoryMebibytes();
            cpu += load.used().cpuMillicores();
            largest = largest.atLeast(load.block().capacity());
        }
        return lowerBound(memory, cpu, largest);
    }

    private static long ceilingDivide(long amount, long unit) {
        return (amount + unit - 1) / unit;
    }
}
