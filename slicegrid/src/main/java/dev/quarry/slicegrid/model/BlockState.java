package dev.quarry.slicegrid.model;

/** Whether a block takes new slices. */
public enum BlockState {
    /** Running and accepting slices. */
    READY,
    /** Being emptied (for example before the server is destroyed): keeps its slices, takes no new ones. */
    DRAINING
}
