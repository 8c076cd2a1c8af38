package dev.quarry.hq.commands;

import dev.quarry.slicegrid.GridSnapshot;
import dev.quarry.slicegrid.consolidation.ConsolidationPlan;
import dev.quarry.slicegrid.consolidation.Consolidators;
import dev.quarry.slicegrid.consolidation.Move;
import dev.quarry.slicegrid.consolidation.Packing;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What a move-budgeted consolidation round would do to the grid as it is ({@code grid consolidate --dry-run}):
 * the moves in order, then how many servers they free. Nothing is moved.
 */
final class ConsolidationPreview {
    /** The share of the grid's containers one round may move, as {@code --move-budget}'s default will be. */
    static final double BUDGET_SHARE = 0.05;
    private static final Duration PLANNING = Duration.ofSeconds(2);

    private ConsolidationPreview() {}

    /** The lines to print: each move, then the summary. */
    static List<String> lines(GridSnapshot snapshot) {
        int containers = snapshot.blocks().stream().mapToInt(load -> load.slices().size()).sum();
        int budget = Math.max(1, (int) Math.floor(containers * BUDGET_SHARE));
        ConsolidationPlan plan = Consolidators.budgeted(System::nanoTime, budget)
                .consolidate(Packing.of(snapshot.blocks()), PLANNING);
        List<String> lines = new ArrayList<>();
        for (Move move : plan.moves()) {
            lines.add("move " + move.sliceId() + " from " + move.from() + " to " + move.to());
        }
        if (plan.isEmpty()) {
            lines.add("nothing to do: no server of " + plan.blocksBefore() + " can be emptied within " + budget
                    + " moves (5% of " + containers + " containers)");
        } else {
            lines.add("would free " + (plan.blocksBefore() - plan.blocksAfter()) + " of " + plan.blocksBefore()
                    + " servers with " + plan.moves().size() + " moves (budget " + budget + ", 5% of " + containers
                    + " containers); dry run: nothing was moved");
        }
        return lines;
    }
}
