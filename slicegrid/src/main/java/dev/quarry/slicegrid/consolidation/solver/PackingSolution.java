package dev.quarry.slicegrid.consolidation.solver;

import java.util.List;
import org.optaplanner.core.api.domain.solution.PlanningEntityCollectionProperty;
import org.optaplanner.core.api.domain.solution.PlanningScore;
import org.optaplanner.core.api.domain.solution.PlanningSolution;
import org.optaplanner.core.api.domain.solution.ProblemFactCollectionProperty;
import org.optaplanner.core.api.domain.valuerange.ValueRangeProvider;
import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;

/**
 * The planning solution: some blocks and the slices to spread over them, scored hard (capacity, tags),
 * medium (blocks used) and soft (moves against fullness), see {@link PackingConstraints}.
 */
@PlanningSolution
public final class PackingSolution {
    @ProblemFactCollectionProperty
    @ValueRangeProvider
    private List<PlannedBlock> blocks;

    @PlanningEntityCollectionProperty
    private List<PlannedSlice> slices;

    @PlanningScore
    private HardMediumSoftLongScore score;

    /** For OptaPlanner's cloning. */
    public PackingSolution() {}

    public PackingSolution(List<PlannedBlock> blocks, List<PlannedSlice> slices) {
        this.blocks = blocks;
        this.slices = slices;
    }

    public List<PlannedBlock> getBlocks() {
        return blocks;
    }

    public List<PlannedSlice> getSlices() {
        return slices;
    }

    public HardMediumSoftLongScore getScore() {
        return score;
    }

    public void setScore(HardMediumSoftLongScore score) {
        this.score = score;
    }
}
