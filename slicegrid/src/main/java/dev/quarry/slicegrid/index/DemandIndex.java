package dev.quarry.slicegrid.index;

import static dev.quarry.slicegrid.index.BucketCells.BUCKETS;

import java.util.Arrays;

/**
 * Items (slices, by number) bucketed 64 by 64 by their memory and cpu demand, to find the item that fills
 * a given room most closely: the one leaving the smallest weighted squared remainder among those that
 * fit. Buckets are visited from the room's corner downwards and skipped once they cannot beat the best.
 * Exact: every item of a visited bucket is compared.
 */
public final class DemandIndex {
    public static final int NONE = -1;

    private final int referenceMemory;
    private final int referenceCpu;
    private final BucketCells cells = new BucketCells();
    private int[] memory = new int[0];
    private int[] cpu = new int[0];

    public DemandIndex(int referenceMemory, int referenceCpu) {
        if (referenceMemory <= 0 || referenceCpu <= 0) {
            throw new IllegalArgumentException("the reference capacity must be positive");
        }
        this.referenceMemory = referenceMemory;
        this.referenceCpu = referenceCpu;
    }

    public void add(int item, int demandMemory, int demandCpu) {
        if (item >= memory.length) {
            memory = Arrays.copyOf(memory, Math.max(item + 1, memory.length * 2));
            cpu = Arrays.copyOf(cpu, memory.length);
        }
        memory[item] = demandMemory;
        cpu[item] = demandCpu;
        cells.attach(item, BucketCells.cell(bucket(demandMemory, referenceMemory), bucket(demandCpu, referenceCpu)));
    }

    public void remove(int item) {
        if (cells.cellOf(item) >= 0) {
            cells.detach(item);
        }
    }

    /**
     * The accepted item minimising {@code memoryWeight * (roomMemory - memory)^2 + cpuWeight * (roomCpu - cpu)^2},
     * each remainder a fraction of the given capacity, among items that fit the room; or {@link #NONE}.
     */
    public int closestFit(int roomMemory, int roomCpu, int capacityMemory, int capacityCpu,
            double memoryWeight, double cpuWeight, CandidateAcceptor acceptor) {
        double inverseMemory = 1.0 / capacityMemory;
        double inverseCpu = 1.0 / capacityCpu;
        double bestScore = Double.POSITIVE_INFINITY;
        int best = NONE;
        int lastColumn = bucket(Math.min(roomCpu, referenceCpu), referenceCpu);
        for (int row = bucket(Math.min(roomMemory, referenceMemory), referenceMemory); row >= 0; row--) {
            double rowGap = Math.max(0, roomMemory - (double) (row + 1) * referenceMemory / BUCKETS) * inverseMemory;
            double rowBound = memoryWeight * rowGap * rowGap;
            if (rowBound >= bestScore) {
                break;
            }
            long columns = cells.columns(row, 0) & (lastColumn == 63 ? -1L : (1L << (lastColumn + 1)) - 1);
            while (columns != 0) {
                int column = 63 - Long.numberOfLeadingZeros(columns);
                columns &= ~(1L << column);
                double columnGap = Math.max(0, roomCpu - (double) (column + 1) * referenceCpu / BUCKETS) * inverseCpu;
                if (rowBound + cpuWeight * columnGap * columnGap >= bestScore) {
                    break;
                }
                int cell = BucketCells.cell(row, column);
                for (int index = 0; index < cells.size(cell); index++) {
                    int item = cells.member(cell, index);
                    if (memory[item] > roomMemory || cpu[item] > roomCpu) {
                        continue;
                    }
                    double memoryRest = (roomMemory - memory[item]) * inverseMemory;
                    double cpuRest = (roomCpu - cpu[item]) * inverseCpu;
                    double score = memoryWeight * memoryRest * memoryRest + cpuWeight * cpuRest * cpuRest;
                    if (score < bestScore && acceptor.accepts(item)) {
                        bestScore = score;
                        best = item;
                    }
                }
            }
        }
        return best;
    }

    private static int bucket(int amount, int reference) {
        return (int) Math.min(BUCKETS - 1, (long) amount * BUCKETS / reference);
    }
}
