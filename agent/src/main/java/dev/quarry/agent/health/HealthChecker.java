package dev.quarry.agent.health;

import dev.quarry.agent.runtime.ContainerRequest;
import dev.quarry.agent.runtime.ContainerState;
import dev.quarry.agent.runtime.ContainerStatus;
import dev.quarry.agent.supervise.Sleeper;
import dev.quarry.compiler.spec.HealthSpec;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Probes a container every interval, each try bounded by its timeout, until one passes or the
 * deadline (counted from the container's start) has passed; always at least one try. With
 * {@code health:} a probe is an HTTP GET of its path wanting a 2xx; without, a TCP connect to the
 * port; with a health without a path (a container that listens on no port), having run its grace without
 * exiting ({@link GraceProbe}). A container that ended (exited or stopped), or exited {@value #CRASHES} times since the check began
 * (crash-looping, its restart policy restarting it), is unhealthy at once.
 */
public final class HealthChecker {
    public static final Duration PORT_INTERVAL = Duration.ofMillis(250);
    /** Exits before it is healthy after which a container is crash-looping: unhealthy at once. */
    public static final int CRASHES = 3;

    private final Clock clock;
    private final Sleeper sleeper;
    private final HttpClient http;

    public HealthChecker(Clock clock, Sleeper sleeper, HttpClient http) {
        this.clock = clock;
        this.sleeper = sleeper;
        this.http = http;
    }

    public HealthVerdict check(HealthTarget target) throws InterruptedException {
        ContainerRequest request = target.request();
        HealthSpec spec = request.health();
        Probe probe = probe(target);
        Duration interval = spec == null || !spec.checksHttp() ? PORT_INTERVAL : spec.interval();
        Duration timeout = spec == null ? HealthSpec.DEFAULT_TIMEOUT : spec.timeout();
        Instant began = clock.instant();
        Instant deadline = deadline(target.status().get(), spec, began);
        int restartsBefore = target.status().get().map(ContainerStatus::restarts).orElse(0);
        int tries = 0;
        while (true) {
            ProbeResult result = probe.probe(request.host(), request.port(), timeout);
            tries++;
            if (result.passed()) {
                return new HealthVerdict(request.id(), true, result.answer(), tries, since(began), List.of(), false);
            }
            Optional<String> ended = ended(target.status().get(), restartsBefore);
            if (ended.isPresent() || !clock.instant().plus(interval).isBefore(deadline)) {
                String reason = ended.orElse("no healthy answer by its deadline (" + deadline + ")") + "; last try: "
                        + result.answer();
                return new HealthVerdict(request.id(), false, reason, tries, since(began),
                        target.logs().apply(HealthVerdict.LOG_LINES), ended.isPresent());
            }
            sleeper.sleep(interval);
        }
    }

    private Probe probe(HealthTarget target) {
        HealthSpec spec = target.request().health();
        if (spec == null) {
            return new TcpProbe();
        }
        return spec.checksHttp() ? new HttpProbe(http, spec.path())
                : new GraceProbe(clock, target.status(), spec.readyAfter());
    }

    private static Instant deadline(Optional<ContainerStatus> status, HealthSpec spec, Instant now) {
        Duration allowed = spec == null ? HealthSpec.DEFAULT_DEADLINE : spec.deadline();
        Instant started = status.map(ContainerStatus::startedAt).orElse(now);
        Instant deadline = (started == null ? now : started).plus(allowed);
        return deadline.isBefore(now) ? now : deadline;
    }

    private static Optional<String> ended(Optional<ContainerStatus> status, int restartsBefore) {
        if (status.isEmpty()) {
            return Optional.of("it is not running: the agent does not know it");
        }
        ContainerStatus known = status.get();
        String exit = known.exitCode() == null ? "" : " (exit status " + known.exitCode() + ")";
        int exits = known.restarts() - restartsBefore + (known.state() == ContainerState.RUNNING ? 0 : 1);
        if (known.state() == ContainerState.RESTARTING && exits >= CRASHES) {
            return Optional.of("it exited " + exits + " times before it was healthy, last" + exit
                    + "; it is crash-looping");
        }
        if (known.state().isActive()) {
            return Optional.empty();
        }
        return Optional.of("it is " + known.state().name().toLowerCase(Locale.ROOT) + exit);
    }

    private long since(Instant began) {
        return Duration.between(began, clock.instant()).toMillis();
    }
}
