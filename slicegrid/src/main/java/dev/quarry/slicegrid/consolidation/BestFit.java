package dev.quarry.slicegrid.consolidation;

import dev.quarry.slicegrid.index.FitScore;
import java.util.function.IntPredicate;

/**
 * The block in use, other than one to avoid, that takes a slice with the least room left over; a scan of
 * every block. Empty blocks are skipped: filling one would put a block back in use.
 */
final class BestFit {
    private BestFit() {}

    static int block(PackingState state, int slice, int avoid) {
        return block(state, slice, avoid, block -> true);
    }

    /** The best fit among the blocks allowed. */
    static int block(PackingState state, int slice, int avoid, IntPredicate allowed) {
        Packing packing = state.packing();
        int memory = packing.demandMemory(slice);
        int cpu = packing.demandCpu(slice);
        int best = -1;
        double bestScore = Double.POSITIVE_INFINITY;
        for (int block = 0; block < packing.blockCount(); block++) {
            boolean room = state.freeMemory(block) >= memory && state.freeCpu(block) >= cpu;
            if (block == avoid || !room || state.memberCount(block) == 0 || !allowed.test(block)) {
                continue;
            }
            double score = FitScore.of(state.freeMemory(block), state.freeCpu(block), memory, cpu,
                    1.0 / packing.capacityMemory(block), 1.0 / packing.capacityCpu(block));
            if (score < bestScore && state.accepts(block, slice)) {
                bestScore = score;
                best = block;
            }
        }
        return best;
    }
}
