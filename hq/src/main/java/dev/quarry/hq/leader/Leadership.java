package dev.quarry.hq.leader;

/**
 * Whether this HQ is the one that reconciles now. Several HQs may serve pushes, but only the leader
 * converges stacks in the background; ask before each round, since leadership can move.
 */
@FunctionalInterface
public interface Leadership extends AutoCloseable {
    boolean isLeader();

    /** Stops leading and campaigning; nothing to do for a sole HQ. */
    @Override
    default void close() {
    }
}
