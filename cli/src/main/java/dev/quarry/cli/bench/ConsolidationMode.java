package dev.quarry.cli.bench;

import dev.quarry.slicegrid.consolidation.Consolidator;
import dev.quarry.slicegrid.consolidation.Consolidators;
import java.util.Optional;

/** What a churn run does at each round: nothing, a move-budgeted round, or a whole rebuild. */
enum ConsolidationMode {
    NONE("none"),
    BUDGETED("budgeted"),
    UNBOUNDED("unbounded");

    private final String label;

    ConsolidationMode(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }

    /** The consolidator of a round, none for {@link #NONE}. */
    Optional<Consolidator> consolidator(int moveBudget) {
        return switch (this) {
            case NONE -> Optional.empty();
            case BUDGETED -> Optional.of(Consolidators.budgeted(System::nanoTime, moveBudget));
            case UNBOUNDED -> Optional.of(Consolidators.standard(System::nanoTime));
        };
    }
}
