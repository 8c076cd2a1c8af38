package dev.quarry.cli.bench;

import dev.quarry.slicegrid.GridMeasure;
import dev.quarry.slicegrid.SliceGrid;
import dev.quarry.slicegrid.consolidation.ConsolidationPlan;
import dev.quarry.slicegrid.consolidation.Consolidators;
import dev.quarry.slicegrid.model.Slice;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Runs each strategy of a spec over the slices and prints a line per result. */
final class GridBench {
    private final GridBenchSpec spec;
    private final List<Slice> slices;
    private final PrintWriter out;
    private final long lowerBound;

    GridBench(GridBenchSpec spec, List<Slice> slices, PrintWriter out) {
        this.spec = spec;
        this.slices = slices;
        this.out = out;
        long memory = slices.stream().mapToLong(slice -> slice.demand().memoryMebibytes()).sum();
        long cpu = slices.stream().mapToLong(slice -> slice.demand().cpuMillicores()).sum();
        this.lowerBound = GridMeasure.lowerBound(memory, cpu, spec.capacity());
    }

    void run() throws IOException {
        for (int index = 0; index < spec.strategies().size(); index++) {
            Strategy strategy = spec.strategies().get(index);
            SliceGrid grid = online(strategy);
            if (spec.consolidate().isPresent()) {
                consolidate(strategy, grid, spec.consolidate().get());
            }
            if (index == 0 && spec.out().isPresent()) {
                SliceFile.writeAssignment(spec.out().get(), slices, assignment(grid));
            }
        }
    }

    /** One untimed run to warm the JIT up, then the timed runs; the median is reported. */
    private SliceGrid online(Strategy strategy) {
        OnlineRun.of(strategy, slices, spec.capacity(), spec.seed());
        long[] nanos = new long[spec.repeat()];
        OnlineRun run = null;
        for (int attempt = 0; attempt < nanos.length; attempt++) {
            run = OnlineRun.of(strategy, slices, spec.capacity(), spec.seed());
            nanos[attempt] = run.nanos();
        }
        Arrays.sort(nanos);
        double seconds = Math.max(1, nanos[nanos.length / 2]) / 1e9;
        BenchLine line = result(strategy.label(), run.grid().blockCount()).with("placements_per_s", Math.round(slices.size() / seconds));
        if (spec.churn() > 0) {
            SliceGrid copy = OnlineRun.of(strategy, slices, spec.capacity(), spec.seed()).grid();
            ChurnRun churn = ChurnRun.of(copy, slices, spec.churn(), spec.capacity(), spec.seed());
            line.with("churn_blocks", churn.blocks()).with("churn_steps_per_s", churn.stepsPerSecond())
                    .with("churn_placements_per_s", churn.placementsPerSecond());
        }
        print(line);
        return run.grid();
    }

    private void consolidate(Strategy strategy, SliceGrid grid, Duration budget) {
        long start = System.nanoTime();
        ConsolidationPlan plan = grid.consolidate(Consolidators.standard(System::nanoTime), budget);
        double seconds = (System.nanoTime() - start) / 1e9;
        grid.apply(plan);
        print(result(strategy.label() + "+consolidate", grid.blockCount())
                .with("moves", plan.moves().size()).with("slices_moved", plan.slicesMoved()).with("seconds", seconds, 2));
    }

    private BenchLine result(String label, int blocks) {
        return new BenchLine().with("strategy", label).with("slices", slices.size()).with("blocks", blocks)
                .with("lower_bound", lowerBound).with("ratio", (double) blocks / Math.max(1, lowerBound), 4);
    }

    private void print(BenchLine line) {
        out.println(line);
        out.flush();
    }

    private Map<String, String> assignment(SliceGrid grid) {
        Map<String, String> blockOfSlice = new HashMap<>();
        grid.snapshot().blocks().forEach(load -> load.slices().forEach(slice -> blockOfSlice.put(slice.id(), load.block().id())));
        return blockOfSlice;
    }
}
