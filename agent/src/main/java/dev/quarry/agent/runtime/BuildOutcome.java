package dev.quarry.agent.runtime;

/**
 * What a prepare did.
 *
 * @param built whether build commands ran now (false: nothing to build, or built by an earlier prepare)
 * @param elapsedMillis how long they ran (or the reuse took)
 * @param reusedRelease the release whose build of the same key this one reused now, or 0
 */
public record BuildOutcome(boolean built, long elapsedMillis, int reusedRelease) {
    /** Nothing built now. */
    public static final BuildOutcome NOTHING = new BuildOutcome(false, 0, 0);
}
