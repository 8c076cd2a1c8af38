package dev.quarry.agent.runtime;

import java.util.List;

/**
 * What the agent's liveness monitor knows of a container: how many probes in a row failed, and the last
 * probes (of this and earlier instances, oldest first), so a user can see why it was restarted.
 *
 * @param failuresInARow failed probes in a row of the current instance
 * @param recent the last {@value #KEPT} probes, oldest first
 */
public record LivenessReport(int failuresInARow, List<ProbeOutcome> recent) {
    public static final int KEPT = 10;

    public LivenessReport {
        recent = recent == null ? List.of() : List.copyOf(recent);
    }
}
