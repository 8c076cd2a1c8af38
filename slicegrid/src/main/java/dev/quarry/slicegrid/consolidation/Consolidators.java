package dev.quarry.slicegrid.consolidation;

import java.util.function.LongSupplier;

/** Where the grid's consolidator is chosen: the one place to swap the solver. */
public final class Consolidators {
    private Consolidators() {}

    /** The rebuild heuristic followed by OptaPlanner, timed by the given nanosecond clock. */
    public static Consolidator standard(LongSupplier nanoClock) {
        return new StagedConsolidator(nanoClock, new OptaPlannerRefiner(1, 24, 24));
    }

    /** At most {@code moveBudget} moves that free the most blocks per move, for a grid whose containers are running. */
    public static Consolidator budgeted(LongSupplier nanoClock, int moveBudget) {
        return new BudgetedConsolidator(nanoClock, moveBudget);
    }
}
