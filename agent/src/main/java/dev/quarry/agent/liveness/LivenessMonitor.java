package dev.quarry.agent.liveness;

import dev.quarry.agent.health.HttpProbe;
import dev.quarry.agent.health.Probe;
import dev.quarry.agent.health.TcpProbe;
import dev.quarry.agent.runtime.ContainerRequest;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;

/**
 * Probes the containers of one runtime for as long as they run: one timer thread keeps every container's
 * next probe, and each probe runs on a virtual thread of its own (a hung app holds only that one for its
 * timeout). A container that turns unhealthy is told to its supervisor, which takes it from there.
 */
public final class LivenessMonitor implements AutoCloseable {
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("liveness timer").factory());
    private final ExecutorService probes = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("liveness probe ", 0).factory());
    private final HttpClient http;
    private final Clock clock;

    public LivenessMonitor(HttpClient http, Clock clock) {
        this.http = http;
        this.clock = clock;
    }

    /**
     * Starts probing one instance of a container (at once, then every interval).
     *
     * @param startedAt when the instance started (its deadline to get up counts from then)
     * @param up whether it starts up (adopted from an earlier agent) rather than booting
     * @param history where every probe's outcome is kept, across the container's instances
     * @param unhealthy told once, on a probe's thread, why it became unhealthy
     */
    public LivenessWatch watch(ContainerRequest request, Instant startedAt, boolean up, ProbeHistory history,
            Consumer<String> unhealthy) {
        LivenessPlan plan = LivenessPlan.of(request);
        Probe probe = plan.path() == null ? new TcpProbe() : new HttpProbe(http, plan.path());
        LivenessWatch watch = new LivenessWatch(request, startedAt, plan, probe, new LivenessTracker(plan, up), history,
                unhealthy, this);
        watch.scheduleFirst();
        return watch;
    }

    ScheduledExecutorService timer() {
        return timer;
    }

    ExecutorService probes() {
        return probes;
    }

    Clock clock() {
        return clock;
    }

    /** Stops probing everything; the containers keep running. */
    @Override
    public void close() {
        timer.shutdownNow();
        probes.shutdownNow();
    }
}
