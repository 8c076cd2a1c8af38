package dev.quarry.slicegrid.consolidation.solver;

import static org.optaplanner.core.api.score.stream.ConstraintCollectors.sum;

import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import org.optaplanner.core.api.score.stream.Constraint;
import org.optaplanner.core.api.score.stream.ConstraintFactory;
import org.optaplanner.core.api.score.stream.ConstraintProvider;
import org.optaplanner.core.api.score.stream.Joiners;

/**
 * The rules of a packing as constraint streams. Hard: memory and cpu within capacity, tags and state
 * respected. Medium: fewer blocks used. Soft: fewer slices moved (and replicas of a node kept apart),
 * traded against fuller blocks (the sum of squared fills), which gives the search a slope towards
 * emptying the weakest blocks where the block count alone is flat.
 */
public final class PackingConstraints implements ConstraintProvider {
    /** Fill is measured in thousandths of capacity per dimension, and scored as its square. */
    private static final long FILL_SCALE = 1000;
    /** A move costs about what making a block one tenth fuller (from 0.9 to 1.0) gains. */
    static final long MOVE_COST = 190_000;

    @Override
    public Constraint[] defineConstraints(ConstraintFactory factory) {
        return new Constraint[] {
            capacity(factory), allowedBlock(factory), blocksUsed(factory), slicesMoved(factory),
            replicasTogether(factory), fullerBlocks(factory)
        };
    }

    private Constraint capacity(ConstraintFactory factory) {
        return factory.forEach(PlannedSlice.class)
                .groupBy(PlannedSlice::getBlock, sum(PlannedSlice::getDemandMemory), sum(PlannedSlice::getDemandCpu))
                .filter((block, memory, cpu) -> memory > block.getCapacityMemory() || cpu > block.getCapacityCpu())
                .penalizeLong(HardMediumSoftLongScore.ONE_HARD,
                        (block, memory, cpu) -> Math.max(0, memory - block.getCapacityMemory()) + Math.max(0, cpu - block.getCapacityCpu()))
                .asConstraint("capacity");
    }

    private Constraint allowedBlock(ConstraintFactory factory) {
        return factory.forEach(PlannedSlice.class)
                .filter(slice -> !slice.isOnAllowedBlock())
                .penalizeLong(HardMediumSoftLongScore.ONE_HARD, slice -> 1)
                .asConstraint("tags and state");
    }

    private Constraint blocksUsed(ConstraintFactory factory) {
        return factory.forEach(PlannedSlice.class)
                .groupBy(PlannedSlice::getBlock)
                .penalizeLong(HardMediumSoftLongScore.ONE_MEDIUM, block -> 1)
                .asConstraint("blocks used");
    }

    private Constraint slicesMoved(ConstraintFactory factory) {
        return factory.forEach(PlannedSlice.class)
                .filter(PlannedSlice::isAway)
                .penalizeLong(HardMediumSoftLongScore.ONE_SOFT, slice -> MOVE_COST)
                .asConstraint("slices moved");
    }

    private Constraint replicasTogether(ConstraintFactory factory) {
        return factory.forEachUniquePair(PlannedSlice.class, Joiners.equal(PlannedSlice::getNode), Joiners.equal(PlannedSlice::getBlock))
                .penalizeLong(HardMediumSoftLongScore.ONE_SOFT, (first, second) -> MOVE_COST)
                .asConstraint("replicas together");
    }

    private Constraint fullerBlocks(ConstraintFactory factory) {
        return factory.forEach(PlannedSlice.class)
                .groupBy(PlannedSlice::getBlock, sum(PlannedSlice::getDemandMemory), sum(PlannedSlice::getDemandCpu))
                .rewardLong(HardMediumSoftLongScore.ONE_SOFT, (block, memory, cpu) -> {
                    long memoryFill = memory * FILL_SCALE / block.getCapacityMemory();
                    long cpuFill = cpu * FILL_SCALE / block.getCapacityCpu();
                    return memoryFill * memoryFill + cpuFill * cpuFill;
                })
                .asConstraint("fuller blocks");
    }
}
