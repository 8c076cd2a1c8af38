package dev.quarry.slicegrid.consolidation.solver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;

class PackingConstraintsTest {
    private final SubproblemSolver solver = new SubproblemSolver();
    private final PlannedBlock first = new PlannedBlock(0, 1000, 1000);
    private final PlannedBlock second = new PlannedBlock(1, 1000, 1000);
    private final Set<Integer> both = Set.of(0, 1);

    @Test
    void overCapacityIsHard() {
        PackingSolution solution = new PackingSolution(List.of(first, second), List.of(
                new PlannedSlice(0, 700, 100, 0, first, both, first),
                new PlannedSlice(1, 600, 100, 1, first, both, first)));
        HardMediumSoftLongScore score = solver.score(solution);
        assertEquals(-300, score.hardScore());
        assertEquals(-1, score.mediumScore(), "blocks used");
        assertEquals(1300L * 1300L + 200L * 200L, score.softScore(), "nothing moved; block 0 is 130% and 20% full");
    }

    @Test
    void tagsAndMovesAndReplicasCount() {
        PackingSolution solution = new PackingSolution(List.of(first, second), List.of(
                new PlannedSlice(0, 100, 100, 7, first, Set.of(0), second),
                new PlannedSlice(1, 100, 100, 7, second, both, second)));
        HardMediumSoftLongScore score = solver.score(solution);
        assertEquals(-1, score.hardScore(), "slice 0 may not go to block 1");
        assertEquals(-1, score.mediumScore(), "one block used");
        assertEquals(2 * 200L * 200L - 2 * PackingConstraints.MOVE_COST, score.softScore(),
                "block 1 is 20% full in both dimensions; one slice away from home, two replicas of node 7 together");
    }

    @Test
    void localSearchPacksSmallSlicesIntoOneBlock() {
        List<PlannedBlock> blocks = List.of(first, second, new PlannedBlock(2, 1000, 1000), new PlannedBlock(3, 1000, 1000));
        List<PlannedSlice> slices = new ArrayList<>();
        for (int index = 0; index < 4; index++) {
            slices.add(new PlannedSlice(index, 200, 200, index, null, Set.of(0, 1, 2, 3), blocks.get(index)));
        }
        PackingSolution solved = solver.solve(new PackingSolution(blocks, slices), Duration.ofMillis(500), 1);
        assertTrue(solved.getScore().isFeasible());
        assertEquals(-1, solved.getScore().mediumScore(), "all four fit one block: " + solved.getScore());
    }
}
