package dev.quarry.agent.liveness;

import static java.util.Objects.requireNonNull;

import dev.quarry.agent.health.HealthChecker;
import dev.quarry.agent.runtime.ContainerRequest;
import dev.quarry.compiler.spec.HealthSpec;
import dev.quarry.compiler.spec.LivenessSpec;
import java.time.Duration;

/**
 * How one container is probed, its request's {@code liveness} and {@code health} put together.
 *
 * @param path the HTTP path probed, or null for a TCP connect to the port
 * @param warmingInterval the time between probes until it first passes (the health interval)
 * @param interval the time between probes once it is up
 * @param timeout how long one probe may take
 * @param failures failed probes in a row (once up) that make it unhealthy
 * @param deadline how long after its start it may take to pass a first time (the health deadline); a probe
 *     failing later than that makes a container that never got up unhealthy too. Null when it has neither
 *     {@code health} nor {@code liveness}: one that never listens is left alone
 */
public record LivenessPlan(String path, Duration warmingInterval, Duration interval, Duration timeout, int failures,
        Duration deadline) {
    public LivenessPlan {
        requireNonNull(warmingInterval, "warmingInterval is null");
        requireNonNull(interval, "interval is null");
        requireNonNull(timeout, "timeout is null");
    }

    /** Liveness's own path, else the health path, else a TCP connect; the rest from liveness or its defaults. */
    public static LivenessPlan of(ContainerRequest request) {
        LivenessSpec liveness = request.liveness() == null ? LivenessSpec.DEFAULT : request.liveness();
        HealthSpec health = request.health();
        String path = liveness.path() != null ? liveness.path() : health == null ? null : health.path();
        Duration warming = health == null ? HealthChecker.PORT_INTERVAL : health.interval();
        Duration deadline = health != null ? health.deadline()
                : request.liveness() != null ? HealthSpec.DEFAULT_DEADLINE : null;
        return new LivenessPlan(path, warming, liveness.interval(), liveness.timeout(), liveness.failures(),
                deadline);
    }

    /** What is probed, in words: {@code GET /up} or {@code a TCP connect}. */
    public String describe() {
        return path == null ? "a TCP connect" : "GET " + path;
    }
}
