package dev.quarry.cli.bench;

import dev.quarry.cli.ExitCodes;
import dev.quarry.slicegrid.consolidation.Consolidator;
import dev.quarry.slicegrid.model.Resources;
import dev.quarry.slicegrid.model.Slice;
import dev.quarry.slicegrid.workload.Shape;
import dev.quarry.slicegrid.workload.SliceGenerator;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code quarry bench grid}: places slices with each strategy, optionally consolidates, prints one line each. */
@Command(name = "grid", mixinStandardHelpOptions = true,
        description = {"Place slices on blocks with each strategy and print blocks used, the lower bound and placements/s.",
            "Output: strategy=... slices=... blocks=... lower_bound=... ratio=... placements_per_s=..."})
public final class GridBenchCommand implements Callable<Integer> {
    private static final String SOLVER_LOG_LEVEL = "org.slf4j.simpleLogger.log.org.optaplanner";

    @Option(names = "--capacity",
            paramLabel = "MEMORY,CPU",
            description = "capacity of every block (default: ${DEFAULT-VALUE})",
            defaultValue = "8192M,4000m")
    String capacity;

    @Option(names = "--slices",
            paramLabel = "FILE.csv",
            description = "slices to place in file order: id,memoryMiB,cpuMillicores per line, no header")
    Path slicesFile;

    @Option(names = "--generate", paramLabel = "N", description = "make N slices instead of reading a file")
    String generate;

    @Option(names = "--seed",
            paramLabel = "S",
            description = "seed for --generate and the sampled strategy (default: ${DEFAULT-VALUE})",
            defaultValue = "1")
    String seed;

    @Option(names = "--shape",
            paramLabel = "SHAPE",
            description = "independent|correlated|realistic (default: ${DEFAULT-VALUE})",
            defaultValue = "independent")
    String shape;

    @Option(names = "--strategy",
            paramLabel = "NAME",
            description = "best-fit|first-fit|first-fit-decreasing|sampled (default: all, one line each)")
    String strategy;

    @Option(names = "--consolidate",
            paramLabel = "DURATION",
            description = "consolidate after each online placement with this budget, such as 2s")
    String consolidate;

    @Option(names = "--out",
            paramLabel = "FILE.csv",
            description = "write the first strategy's final assignment: sliceId,blockIndex per line")
    Path out;

    @Option(names = "--repeat",
            paramLabel = "N",
            description = "after one untimed warm-up run, time each online placement N times and report the median (default: ${DEFAULT-VALUE})",
            defaultValue = "3")
    String repeat;

    @Option(names = "--churn",
            paramLabel = "N",
            description = "then time N steps of removing a random slice and placing a new one on the full grid")
    String churn;

    @Option(names = "--live",
            paramLabel = "L",
            description = "with --churn ARRIVALS: once L slices are live, each arrival follows a random departure;"
                    + " prints one line per consolidation mode (none, budgeted, unbounded)")
    String live;

    @Option(names = "--consolidate-every",
            paramLabel = "K",
            description = "with --live: a consolidation round after every K arrivals (default: ${DEFAULT-VALUE})",
            defaultValue = "1000")
    String consolidateEvery;

    @Option(names = "--move-budget",
            paramLabel = "M",
            description = "with --live: the most moves a budgeted round makes (default: ${DEFAULT-VALUE})",
            defaultValue = "100")
    String moveBudget;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        quietSolverLogging();
        PrintWriter err = spec.commandLine().getErr();
        try {
            if (live != null) {
                runLiveChurn();
                return ExitCodes.OK;
            }
            GridBenchSpec benchSpec = benchSpec();
            List<Slice> slices = slices(benchSpec);
            new GridBench(benchSpec, slices, spec.commandLine().getOut()).run();
            return ExitCodes.OK;
        } catch (BadOptionException bad) {
            err.println("quarry bench grid: " + bad.getMessage());
            err.flush();
            return ExitCodes.INVALID_INPUT;
        }
    }

    /** OptaPlanner logs every solve at INFO; the benchmark's output is its result lines, so only warnings show. */
    private static void quietSolverLogging() {
        if (System.getProperty(SOLVER_LOG_LEVEL) == null) {
            System.setProperty(SOLVER_LOG_LEVEL, "warn");
        }
    }

    private void runLiveChurn() throws BadOptionException {
        if (churn == null || slicesFile != null || generate != null) {
            throw new BadOptionException("--live", "needs --churn ARRIVALS and makes its own slices from --seed and --shape"
                    + " (no --slices or --generate)");
        }
        LiveChurnSpec churnSpec = new LiveChurnSpec(OptionValues.capacity("--capacity", capacity),
                OptionValues.positive("--churn", churn, 100_000_000), OptionValues.positive("--live", live, 10_000_000),
                OptionValues.seed("--seed", seed), shapeOption(), OptionValues.positive("--consolidate-every", consolidateEvery, 100_000_000),
                OptionValues.positive("--move-budget", moveBudget, 10_000_000),
                consolidate == null ? Consolidator.DEFAULT_BUDGET : OptionValues.duration("--consolidate", consolidate));
        new LiveChurnBench(churnSpec, spec.commandLine().getOut()).run();
    }

    private GridBenchSpec benchSpec() throws BadOptionException {
        Resources blockCapacity = OptionValues.capacity("--capacity", capacity);
        List<Strategy> strategies = strategy == null ? Arrays.asList(Strategy.values()) : List.of(Strategy.named(strategy));
        return new GridBenchSpec(blockCapacity, strategies,
                consolidate == null ? Optional.empty() : Optional.of(OptionValues.duration("--consolidate", consolidate)),
                Optional.ofNullable(out), OptionValues.positive("--repeat", repeat, 100), OptionValues.seed("--seed", seed),
                churn == null ? 0 : OptionValues.positive("--churn", churn, 100_000_000));
    }

    private List<Slice> slices(GridBenchSpec benchSpec) throws BadOptionException, IOException {
        if ((slicesFile == null) == (generate == null)) {
            throw new BadOptionException("--slices", "give either --slices FILE.csv or --generate N, not " + (slicesFile == null ? "neither" : "both"));
        }
        List<Slice> slices;
        if (slicesFile != null) {
            slices = SliceFile.read(slicesFile);
        } else {
            Shape chosen = shapeOption();
            slices = SliceGenerator.generate(OptionValues.positive("--generate", generate, 10_000_000), benchSpec.seed(), chosen, benchSpec.capacity());
        }
        for (Slice slice : slices) {
            if (!benchSpec.capacity().covers(slice.demand())) {
                throw new BadOptionException("--slices", "slice " + slice.id() + " needs " + slice.demand()
                        + ", more than a whole block (" + benchSpec.capacity() + ")");
            }
        }
        return slices;
    }

    private Shape shapeOption() throws BadOptionException {
        try {
            return Shape.named(shape);
        } catch (IllegalArgumentException unknown) {
            throw new BadOptionException("--shape", unknown.getMessage());
        }
    }
}
