package dev.quarry.compiler.spec;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * What happens when a container exits.
 *
 * @param policy always, on-failure or never
 * @param max restarts allowed before giving up; 0 means no limit
 * @param backoff the first wait before a restart; it doubles after each restart
 */
public record RestartSpec(RestartPolicy policy, int max, Duration backoff) {

    public static final RestartSpec DEFAULT = new RestartSpec(RestartPolicy.ALWAYS, 0, Duration.ofSeconds(1));

    public RestartSpec {
        requireNonNull(policy, "policy is null");
        requireNonNull(backoff, "backoff is null");
        if (max < 0) {
            throw new IllegalArgumentException("max must not be negative, got " + max);
        }
    }
}
