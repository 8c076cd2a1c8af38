package dev.quarry.compiler.spec;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * How a container that is up is watched: every {@code interval} a probe (HTTP GET {@code path} wanting a
 * 2xx, or, without a path, the node's health path or a TCP connect to its port), each given
 * {@code timeout}; {@code failures} failed probes in a row take it out of the router and restart it.
 *
 * @param path the HTTP path to probe, or null: the health path, else a TCP connect
 * @param interval the time between probes once it is up
 * @param timeout how long one probe may take
 * @param failures failed probes in a row that make it unhealthy
 */
public record LivenessSpec(String path, Duration interval, Duration timeout, int failures) {
    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(10);
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(2);
    public static final int DEFAULT_FAILURES = 3;
    public static final int MAX_FAILURES = 100;
    /** What a container without {@code liveness:} gets: its health path (or port), every 10 s, 3 failures. */
    public static final LivenessSpec DEFAULT = new LivenessSpec(null, DEFAULT_INTERVAL, DEFAULT_TIMEOUT,
            DEFAULT_FAILURES);

    public LivenessSpec {
        requireNonNull(interval, "interval is null");
        requireNonNull(timeout, "timeout is null");
        if (failures < 1 || failures > MAX_FAILURES) {
            throw new IllegalArgumentException("failures must be from 1 to " + MAX_FAILURES + ", got " + failures);
        }
    }
}
