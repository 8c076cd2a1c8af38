package dev.quarry.agent.protocol;

import dev.quarry.agent.runtime.ContainerId;
import java.time.Duration;

/**
 * Stops (stop) or stops and forgets (remove) a container.
 *
 * @param id the container
 * @param grace how long after SIGTERM before SIGKILL; null means 10 seconds
 */
public record StopRequest(String id, Duration grace) {
    public static final Duration DEFAULT_GRACE = Duration.ofSeconds(10);

    public StopRequest {
        ContainerId.parse(id);
        grace = grace == null ? DEFAULT_GRACE : grace;
        if (grace.isNegative()) {
            throw new IllegalArgumentException("grace must not be negative, got " + grace);
        }
    }
}
