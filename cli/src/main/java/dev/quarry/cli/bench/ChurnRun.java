package dev.quarry.cli.bench;

import dev.quarry.slicegrid.SliceGrid;
import dev.quarry.slicegrid.model.Resources;
import dev.quarry.slicegrid.model.Slice;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Steady-state speed on a full grid: each step removes a random slice and places a new one with the
 * demand of another random slice, so the grid keeps its size while every placement searches it.
 *
 * @param blocks blocks in the grid at the end
 * @param stepsPerSecond removals-and-placements per second
 * @param placementsPerSecond placements per second, counting only the time spent placing
 */
record ChurnRun(int blocks, long stepsPerSecond, long placementsPerSecond) {

    static ChurnRun of(SliceGrid grid, List<Slice> slices, int steps, Resources capacity, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<String> placed = new ArrayList<>(slices.stream().map(Slice::id).toList());
        long placing = 0;
        long start = System.nanoTime();
        for (int step = 0; step < steps; step++) {
            int victim = random.nextInt(placed.size());
            grid.remove(placed.get(victim));
            Slice arrival = Slice.of("churn" + step, slices.get(random.nextInt(slices.size())).demand());
            long before = System.nanoTime();
            OnlineRun.placeOrGrow(grid, arrival, capacity);
            placing += System.nanoTime() - before;
            placed.set(victim, arrival.id());
        }
        long total = System.nanoTime() - start;
        return new ChurnRun(grid.blockCount(), Math.round(steps / (Math.max(1, total) / 1e9)),
                Math.round(steps / (Math.max(1, placing) / 1e9)));
    }
}
