package dev.quarry.slicegrid.consolidation.solver;

import java.util.Set;
import org.optaplanner.core.api.domain.entity.PlanningEntity;
import org.optaplanner.core.api.domain.lookup.PlanningId;
import org.optaplanner.core.api.domain.variable.PlanningVariable;

/** A slice as the solver sees it: the planning entity, whose planning variable is its block. */
@PlanningEntity
public final class PlannedSlice {
    @PlanningId
    private int id;
    private int demandMemory;
    private int demandCpu;
    private int node;
    private PlannedBlock home;
    private Set<Integer> allowedBlocks;

    @PlanningVariable
    private PlannedBlock block;

    /** For OptaPlanner's cloning. */
    public PlannedSlice() {}

    /**
     * @param home the block the slice ran on before consolidation, or null when that block is not in the problem
     * @param allowedBlocks the numbers of the blocks whose tags and state let the slice go there
     */
    public PlannedSlice(int id, int demandMemory, int demandCpu, int node, PlannedBlock home, Set<Integer> allowedBlocks, PlannedBlock block) {
        this.id = id;
        this.demandMemory = demandMemory;
        this.demandCpu = demandCpu;
        this.node = node;
        this.home = home;
        this.allowedBlocks = Set.copyOf(allowedBlocks);
        this.block = block;
    }

    /** The slice's number in the packing. */
    public int getId() {
        return id;
    }

    public int getDemandMemory() {
        return demandMemory;
    }

    public int getDemandCpu() {
        return demandCpu;
    }

    public int getNode() {
        return node;
    }

    public boolean isAway() {
        return block != home;
    }

    /** Whether the block it is on carries its tags and may take it (or is where it already was). */
    public boolean isOnAllowedBlock() {
        return block == home || allowedBlocks.contains(block.getId());
    }

    public PlannedBlock getBlock() {
        return block;
    }

    public void setBlock(PlannedBlock block) {
        this.block = block;
    }

    @Override
    public String toString() {
        return "slice " + id + " on " + block;
    }
}
