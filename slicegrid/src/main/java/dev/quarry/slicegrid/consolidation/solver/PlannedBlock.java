package dev.quarry.slicegrid.consolidation.solver;

import org.optaplanner.core.api.domain.lookup.PlanningId;

/** A block as the solver sees it: a value a slice's planning variable can take. */
public final class PlannedBlock {
    @PlanningId
    private int id;
    private int capacityMemory;
    private int capacityCpu;

    /** For OptaPlanner's cloning. */
    public PlannedBlock() {}

    public PlannedBlock(int id, int capacityMemory, int capacityCpu) {
        this.id = id;
        this.capacityMemory = capacityMemory;
        this.capacityCpu = capacityCpu;
    }

    /** The block's number in the packing. */
    public int getId() {
        return id;
    }

    public int getCapacityMemory() {
        return capacityMemory;
    }

    public int getCapacityCpu() {
        return capacityCpu;
    }

    @Override
    public String toString() {
        return "block " + id;
    }
}
