package dev.quarry.compiler.spec;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * How to tell a container is ready: HTTP GET {@code path} every {@code interval} until a 2xx, each try
 * given {@code timeout}, giving up at {@code deadline}.
 */
public record HealthSpec(String path, Duration interval, Duration timeout, Duration deadline) {

    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(1);
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(2);
    public static final Duration DEFAULT_DEADLINE = Duration.ofSeconds(60);

    public HealthSpec {
        requireNonNull(path, "path is null");
        requireNonNull(interval, "interval is null");
        requireNonNull(timeout, "timeout is null");
        requireNonNull(deadline, "deadline is null");
    }
}
