package dev.quarry.slicegrid.consolidation;

/** Improves a packing further with feasible moves until the deadline; the solver behind it can be swapped here. */
@FunctionalInterface
interface Refiner {
    Refiner NONE = (state, deadline) -> { };

    void refine(PackingState state, Deadline deadline);
}
