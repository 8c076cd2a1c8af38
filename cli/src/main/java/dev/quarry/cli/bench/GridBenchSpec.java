package dev.quarry.cli.bench;

import static java.util.Objects.requireNonNull;

import dev.quarry.slicegrid.model.Resources;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The checked options of one {@code quarry bench grid} run.
 *
 * @param capacity the capacity of every block
 * @param strategies the strategies to run, in order
 * @param consolidate the consolidation budget after each online placement, if asked
 * @param out where to write the first strategy's final assignment, if asked
 * @param repeat how many times each online placement is timed (the median is reported)
 * @param seed the seed for generated slices and for the sampled strategy
 * @param churn how many remove-and-place steps to time on the full grid afterwards (0: none)
 */
record GridBenchSpec(Resources capacity, List<Strategy> strategies, Optional<Duration> consolidate,
        Optional<Path> out, int repeat, long seed, int churn) {

    GridBenchSpec {
        requireNonNull(capacity, "capacity is null");
        strategies = List.copyOf(strategies);
        requireNonNull(consolidate, "consolidate is null");
        requireNonNull(out, "out is null");
        if (strategies.isEmpty()) {
            throw new IllegalArgumentException("at least one strategy is needed");
        }
    }
}
