package dev.quarry.agent.health;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * What the health verb answers.
 *
 * @param id the container
 * @param healthy whether it answered as a healthy container does before its deadline
 * @param reason the last answer, or why it gave up ("exited with status 1", "no 2xx by the deadline")
 * @param tries how many probes were made
 * @param elapsedMillis how long the check took
 * @param logs the container's last 20 lines of output when unhealthy; empty when healthy
 * @param ended whether it failed by ending (it exited, or exited {@value HealthChecker#CRASHES} times in a
 *     row) rather than by not answering its probe: the app failed, not its health settings
 */
public record HealthVerdict(String id, boolean healthy, String reason, int tries, long elapsedMillis,
        List<String> logs, boolean ended) {
    public static final int LOG_LINES = 20;

    public HealthVerdict {
        requireNonNull(id, "id is null");
        requireNonNull(reason, "reason is null");
        logs = logs == null ? List.of() : List.copyOf(logs);
    }
}
