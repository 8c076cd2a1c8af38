package dev.quarry.agent.health;

import dev.quarry.agent.runtime.ContainerState;
import dev.quarry.agent.runtime.ContainerStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Passes once the container has been running for its grace since it last started: the readiness of a
 * container that listens on no port (a worker). Nothing is connected to; the port is not looked at.
 */
final class GraceProbe implements Probe {
    private final Clock clock;
    private final Supplier<Optional<ContainerStatus>> status;
    private final Duration grace;

    GraceProbe(Clock clock, Supplier<Optional<ContainerStatus>> status, Duration grace) {
        this.clock = clock;
        this.status = status;
        this.grace = grace;
    }

    @Override
    public ProbeResult probe(String host, int port, Duration timeout) {
        Optional<ContainerStatus> now = status.get();
        if (now.isEmpty() || now.get().state() != ContainerState.RUNNING || now.get().startedAt() == null) {
            return new ProbeResult(false, "not running");
        }
        Instant started = now.get().startedAt();
        Duration running = Duration.between(started, clock.instant());
        if (running.compareTo(grace) >= 0) {
            return new ProbeResult(true, "running for " + running.toMillis() + " ms without exiting (grace "
                    + grace.toMillis() + " ms)");
        }
        return new ProbeResult(false, "running for " + running.toMillis() + " ms of its grace of " + grace.toMillis()
                + " ms");
    }
}
