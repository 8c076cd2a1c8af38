package dev.quarry.cli.bench;

import dev.quarry.slicegrid.GridMeasure;
import dev.quarry.slicegrid.GridOptions;
import dev.quarry.slicegrid.SliceGrid;
import dev.quarry.slicegrid.consolidation.ConsolidationPlan;
import dev.quarry.slicegrid.consolidation.Consolidator;
import dev.quarry.slicegrid.model.Slice;
import dev.quarry.slicegrid.placement.Placers;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * One mode of the churn benchmark: slices arrive one at a time; once {@code live} are live each arrival
 * follows the departure of a random live slice; after every {@code consolidateEvery} arrivals a round
 * runs and the grid is measured (blocks over the lower bound of the live slices). Every mode sees the same
 * arrivals and departures.
 *
 * @param mode what each round does
 * @param averageRatio the mean of blocks / lower bound at the checkpoints
 * @param peakBlocks the most blocks in use after any arrival
 * @param moves moves applied over the whole run
 * @param longestPlanSeconds the longest a round took to plan
 * @param arrivals how many slices arrived
 */
record LiveChurnRun(ConsolidationMode mode, double averageRatio, int peakBlocks, long moves, double longestPlanSeconds, int arrivals) {

    static LiveChurnRun of(ConsolidationMode mode, LiveChurnSpec spec, List<Slice> arrivals) {
        Optional<Consolidator> consolidator = mode.consolidator(spec.moveBudget());
        SliceGrid grid = new SliceGrid(GridOptions.unbounded(spec.capacity()), Placers.standard());
        SplittableRandom departures = new SplittableRandom(spec.seed());
        List<Slice> live = new ArrayList<>(spec.live());
        long memory = 0;
        long cpu = 0;
        double ratioSum = 0;
        int checkpoints = 0;
        int peak = 0;
        long moves = 0;
        double longest = 0;
        for (int index = 0; index < arrivals.size(); index++) {
            Slice arrival = arrivals.get(index);
            if (live.size() == spec.live()) {
                int victim = departures.nextInt(live.size());
                Slice leaving = live.get(victim);
                grid.remove(leaving.id());
                memory -= leaving.demand().memoryMebibytes();
                cpu -= leaving.demand().cpuMillicores();
                live.set(victim, arrival);
            } else {
                live.add(arrival);
            }
            OnlineRun.placeOrGrow(grid, arrival, spec.capacity());
            memory += arrival.demand().memoryMebibytes();
            cpu += arrival.demand().cpuMillicores();
            peak = Math.max(peak, grid.blockCount());
            if ((index + 1) % spec.consolidateEvery() == 0) {
                if (consolidator.isPresent()) {
                    long start = System.nanoTime();
                    ConsolidationPlan plan = grid.consolidate(consolidator.get(), spec.roundTime());
                    longest = Math.max(longest, (System.nanoTime() - start) / 1e9);
                    grid.apply(plan);
                    moves += plan.moves().size();
                }
                ratioSum += (double) grid.blockCount() / Math.max(1, GridMeasure.lowerBound(memory, cpu, spec.capacity()));
                checkpoints++;
            }
        }
        return new LiveChurnRun(mode, ratioSum / Math.max(1, checkpoints), peak, moves, longest, arrivals.size());
    }

    BenchLine line() {
        BenchLine line = new BenchLine().with("mode", mode.label()).with("avg_ratio", averageRatio, 4)
                .with("peak_blocks", peakBlocks).with("moves", moves).with("moves_per_arrival", (double) moves / arrivals, 4);
        return mode == ConsolidationMode.NONE ? line : line.with("plan_s_max", longestPlanSeconds, 3);
    }
}
