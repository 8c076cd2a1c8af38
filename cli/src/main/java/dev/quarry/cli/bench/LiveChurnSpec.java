package dev.quarry.cli.bench;

import static java.util.Objects.requireNonNull;

import dev.quarry.slicegrid.model.Resources;
import dev.quarry.slicegrid.workload.Shape;
import java.time.Duration;

/**
 * The checked options of {@code quarry bench grid --churn ARRIVALS --live L ...}: consolidation on a grid
 * whose slices come and go.
 *
 * @param capacity the capacity of every block
 * @param arrivals how many slices arrive, one at a time
 * @param live how many slices are live once the grid is full: from then on each arrival follows a departure
 * @param seed the seed for the arrivals' demands and for which slice departs
 * @param shape the shape of the demands
 * @param consolidateEvery a consolidation round after every this many arrivals
 * @param moveBudget the most moves a budgeted round may make
 * @param roundTime how long a round may plan (the unbounded mode uses all of it)
 */
record LiveChurnSpec(Resources capacity, int arrivals, int live, long seed, Shape shape, int consolidateEvery,
        int moveBudget, Duration roundTime) {

    LiveChurnSpec {
        requireNonNull(capacity, "capacity is null");
        requireNonNull(shape, "shape is null");
        requireNonNull(roundTime, "roundTime is null");
    }
}
