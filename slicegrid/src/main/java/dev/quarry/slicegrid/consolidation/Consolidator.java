package dev.quarry.slicegrid.consolidation;

import java.time.Duration;

/** Finds moves that pack the grid's slices onto fewer blocks, within a time budget. */
@FunctionalInterface
public interface Consolidator {
    /** The budget when none is given. */
    Duration DEFAULT_BUDGET = Duration.ofSeconds(2);

    /** A plan whose every intermediate state is feasible; an empty plan when nothing better was found. */
    ConsolidationPlan consolidate(Packing packing, Duration budget);
}
