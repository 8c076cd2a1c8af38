package dev.quarry.slicegrid.placement;

import dev.quarry.slicegrid.index.FitScore;
import dev.quarry.slicegrid.index.FreeSpaceIndex;
import dev.quarry.slicegrid.model.Slice;
import java.util.Map;
import java.util.Set;

/**
 * Two-dimensional best fit: the block whose free room is left smallest (L2 norm of the remainder, see
 * {@link FitScore}) after taking the slice. The free-space index of each tag group that carries the
 * slice's tags proposes candidates nearest first; the filters confirm each one.
 */
public final class BestFitPlacer implements Placer {
    @Override
    public int choose(Slice slice, Occupancy occupancy, FilterChain filters) {
        int demandMemory = slice.demand().memoryMebibytes();
        int demandCpu = slice.demand().cpuMillicores();
        int best = NO_BLOCK;
        double bestScore = Double.POSITIVE_INFINITY;
        for (Map.Entry<Set<String>, FreeSpaceIndex> entry : occupancy.indexes()) {
            if (!entry.getKey().containsAll(slice.requiredTags())) {
                continue;
            }
            int slot = entry.getValue().bestFit(demandMemory, demandCpu, candidate -> filters.admits(slice, occupancy, candidate));
            if (slot != NO_BLOCK) {
                double score = score(slice, occupancy, slot);
                if (score < bestScore) {
                    bestScore = score;
                    best = slot;
                }
            }
        }
        return best;
    }

    private static double score(Slice slice, Occupancy occupancy, int slot) {
        var capacity = occupancy.block(slot).capacity();
        return FitScore.of(occupancy.freeMemory(slot), occupancy.freeCpu(slot),
                slice.demand().memoryMebibytes(), slice.demand().cpuMillicores(),
                1.0 / capacity.memoryMebibytes(), 1.0 / capacity.cpuMillicores());
    }
}
