package dev.quarry.agent.supervise;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * Whether an exited container starts again, and when.
 *
 * @param restart whether it starts again
 * @param delay how long to wait first (zero when it does not restart)
 * @param inARow restarts in a row after this one, which the next backoff doubles from
 * @param reason why, in words: "exited with status 1; restart 3 in 400 ms" or "restart policy never"
 */
public record RestartDecision(boolean restart, Duration delay, int inARow, String reason) {
    public RestartDecision {
        requireNonNull(delay, "delay is null");
        requireNonNull(reason, "reason is null");
    }
}
