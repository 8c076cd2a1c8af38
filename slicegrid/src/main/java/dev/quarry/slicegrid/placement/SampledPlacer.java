package dev.quarry.slicegrid.placement;

import dev.quarry.slicegrid.index.FitScore;
import dev.quarry.slicegrid.model.Slice;
import java.util.random.RandomGenerator;

/**
 * Nomad's way: walk the blocks from a random starting point, stop after log2(blocks) blocks that pass the
 * filters and keep the tightest of those. Cheap on huge grids, looser than a full best fit.
 */
public final class SampledPlacer implements Placer {
    private final RandomGenerator random;

    public SampledPlacer(RandomGenerator random) {
        this.random = random;
    }

    @Override
    public int choose(Slice slice, Occupancy occupancy, FilterChain filters) {
        int limit = occupancy.slotLimit();
        if (limit == 0) {
            return NO_BLOCK;
        }
        int wanted = Math.max(2, 32 - Integer.numberOfLeadingZeros(occupancy.blockCount()));
        int start = random.nextInt(limit);
        int best = NO_BLOCK;
        double bestScore = Double.POSITIVE_INFINITY;
        for (int step = 0, found = 0; step < limit && found < wanted; step++) {
            int slot = (start + step) % limit;
            if (!occupancy.isUsed(slot) || !filters.admits(slice, occupancy, slot)) {
                continue;
            }
            found++;
            var capacity = occupancy.block(slot).capacity();
            double score = FitScore.of(occupancy.freeMemory(slot), occupancy.freeCpu(slot),
                    slice.demand().memoryMebibytes(), slice.demand().cpuMillicores(),
                    1.0 / capacity.memoryMebibytes(), 1.0 / capacity.cpuMillicores());
            if (score < bestScore) {
                bestScore = score;
                best = slot;
            }
        }
        return best;
    }
}
