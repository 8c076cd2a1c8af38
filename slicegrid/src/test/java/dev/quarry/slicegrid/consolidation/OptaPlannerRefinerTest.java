package dev.quarry.slicegrid.consolidation;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.slicegrid.GridSnapshot;
import dev.quarry.slicegrid.SliceGrid;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The OptaPlanner stage alone, on a small messy grid it solves whole. */
class OptaPlannerRefinerTest {
    @Test
    void solvesASmallGridWholeWithFeasibleMoves() {
        SliceGrid grid = ConsolidationTest.messyGrid(11, 120);
        GridSnapshot before = grid.snapshot();
        Packing packing = Packing.of(before.blocks());
        PackingState state = new PackingState(packing);
        int blocksBefore = state.usedBlocks();
        new OptaPlannerRefiner(1, 24, 24).refine(state, Deadline.after(System::nanoTime, Duration.ofMillis(1500)));
        assertTrue(state.usedBlocks() < blocksBefore, "OptaPlanner should free a block: " + state.usedBlocks() + " of " + blocksBefore);
        ConsolidationTest.replayChecked(before, MoveOrderingTest.plan(state));
    }
}
