package dev.quarry.slicegrid.index;

import static dev.quarry.slicegrid.index.BucketCells.BUCKETS;

import java.util.Arrays;

/**
 * Blocks bucketed on a 64 by 64 grid of (free memory, free cpu), so a best-fit search visits only the
 * buckets that can hold the demand, nearest first, and stops as soon as no bucket can beat the best block
 * found. Blocks are named by slot numbers the caller owns.
 *
 * <p>The result is the best fit by {@link FitScore}: buckets only order and prune the search. Within one
 * bucket, whose blocks differ by less than 1/64 of the capacity, at most 16 fitting blocks are compared,
 * which bounds the work when thousands of blocks look alike (for example many empty ones).
 */
public final class FreeSpaceIndex {
    public static final int NONE = -1;
    private static final int CANDIDATES_PER_BUCKET = 16;

    private final int referenceMemory;
    private final int referenceCpu;
    private final double inverseMemory;
    private final double inverseCpu;
    private final BucketCells cells = new BucketCells();
    private int[] freeMemory = new int[0];
    private int[] freeCpu = new int[0];
    private int size;

    /** Buckets are fractions of the reference, which must be at least the capacity of every block indexed. */
    public FreeSpaceIndex(int referenceMemory, int referenceCpu) {
        if (referenceMemory <= 0 || referenceCpu <= 0) {
            throw new IllegalArgumentException("the reference capacity must be positive");
        }
        this.referenceMemory = referenceMemory;
        this.referenceCpu = referenceCpu;
        this.inverseMemory = 1.0 / referenceMemory;
        this.inverseCpu = 1.0 / referenceCpu;
    }

    public boolean covers(int capacityMemory, int capacityCpu) {
        return capacityMemory <= referenceMemory && capacityCpu <= referenceCpu;
    }

    public int size() {
        return size;
    }

    public boolean contains(int slot) {
        return cells.cellOf(slot) >= 0;
    }

    /** Adds the block or records its new free room. */
    public void put(int slot, int memory, int cpu) {
        if (memory > referenceMemory || cpu > referenceCpu) {
            throw new IllegalArgumentException("free room " + memory + "M," + cpu + "m exceeds the reference capacity");
        }
        if (slot >= freeMemory.length) {
            freeMemory = Arrays.copyOf(freeMemory, Math.max(slot + 1, freeMemory.length * 2));
            freeCpu = Arrays.copyOf(freeCpu, freeMemory.length);
        }
        freeMemory[slot] = memory;
        freeCpu[slot] = cpu;
        int cell = BucketCells.cell(bucket(memory, referenceMemory), bucket(cpu, referenceCpu));
        int current = cells.cellOf(slot);
        if (current == cell) {
            return;
        }
        if (current >= 0) {
            cells.detach(slot);
        } else {
            size++;
        }
        cells.attach(slot, cell);
    }

    public void remove(int slot) {
        if (contains(slot)) {
            cells.detach(slot);
            size--;
        }
    }

    /** The slot whose free room fits the demand most tightly and that the acceptor accepts, or {@link #NONE}. */
    public int bestFit(int demandMemory, int demandCpu, CandidateAcceptor acceptor) {
        if (demandMemory > referenceMemory || demandCpu > referenceCpu) {
            return NONE;
        }
        double bestScore = Double.POSITIVE_INFINITY;
        int bestSlot = NONE;
        int firstColumn = bucket(demandCpu, referenceCpu);
        for (int row = bucket(demandMemory, referenceMemory); row < BUCKETS; row++) {
            double rowBound = square(Math.max(0, (double) row * referenceMemory / BUCKETS - demandMemory) * inverseMemory);
            if (rowBound >= bestScore) {
                break;
            }
            for (long columns = cells.columns(row, firstColumn); columns != 0; columns &= columns - 1) {
                int column = Long.numberOfTrailingZeros(columns);
                double columnBound = square(Math.max(0, (double) column * referenceCpu / BUCKETS - demandCpu) * inverseCpu);
                if (rowBound + columnBound >= bestScore) {
                    break;
                }
                int cell = BucketCells.cell(row, column);
                for (int index = 0, fitting = 0; index < cells.size(cell) && fitting < CANDIDATES_PER_BUCKET; index++) {
                    int slot = cells.member(cell, index);
                    if (freeMemory[slot] < demandMemory || freeCpu[slot] < demandCpu) {
                        continue;
                    }
                    fitting++;
                    double score = FitScore.of(freeMemory[slot], freeCpu[slot], demandMemory, demandCpu, inverseMemory, inverseCpu);
                    if (score < bestScore && acceptor.accepts(slot)) {
                        bestScore = score;
                        bestSlot = slot;
                    }
                }
            }
        }
        return bestSlot;
    }

    private static double square(double value) {
        return value * value;
    }

    private static int bucket(int amount, int reference) {
        return (int) Math.min(BUCKETS - 1, (long) amount * BUCKETS / reference);
    }
}
