package dev.quarry.agent.liveness;

import dev.quarry.agent.health.Probe;
import dev.quarry.agent.health.ProbeResult;
import dev.quarry.agent.runtime.ContainerPhase;
import dev.quarry.agent.runtime.ContainerRequest;
import dev.quarry.agent.runtime.LivenessReport;
import dev.quarry.agent.runtime.ProbeOutcome;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The probing of one instance: a probe, then the next one after the tracker's delay, until it turns unhealthy
 * or is cancelled (its instance exited, was stopped, or the agent let go). One probe at a time.
 */
public final class LivenessWatch {
    private final ContainerRequest request;
    private final LivenessPlan plan;
    private final Probe probe;
    private final LivenessTracker tracker;
    private final ProbeHistory history;
    private final Consumer<String> unhealthy;
    private String unhealthyReason;
    private final LivenessMonitor monitor;
    private final Instant startedAt;
    private volatile boolean cancelled;

    LivenessWatch(ContainerRequest request, Instant startedAt, LivenessPlan plan, Probe probe,
            LivenessTracker tracker, ProbeHistory history, Consumer<String> unhealthy, LivenessMonitor monitor) {
        this.startedAt = startedAt;
        this.request = request;
        this.plan = plan;
        this.probe = probe;
        this.tracker = tracker;
        this.history = history;
        this.unhealthy = unhealthy;
        this.monitor = monitor;
    }

    void scheduleFirst() {
        schedule(Duration.ZERO);
    }

    private void schedule(Duration delay) {
        if (cancelled) {
            return;
        }
        try {
            monitor.timer().schedule(() -> submitProbe(), delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            cancelled = true;
        }
    }

    private void submitProbe() {
        if (cancelled) {
            return;
        }
        try {
            monitor.probes().execute(this::probeOnce);
        } catch (RejectedExecutionException e) {
            cancelled = true;
        }
    }

    private void probeOnce() {
        ProbeResult result = probe.probe(request.host(), request.port(), plan.timeout());
        if (cancelled) {
            return;
        }
        history.add(new ProbeOutcome(monitor.clock().instant(), result.passed(), result.answer()));
        String reason = null;
        Duration next;
        synchronized (this) {
            if (tracker.record(result, Duration.between(startedAt, monitor.clock().instant()))) {
                reason = tracker.unhealthyReason(result.answer());
                unhealthyReason = reason;
            }
            next = tracker.nextDelay();
        }
        if (reason != null) {
            unhealthy.accept(reason);
            return;
        }
        schedule(next);
    }

    /** Its health check passed (the health verb saw it before this watch did): it is up now. */
    public synchronized void passed() {
        tracker.passed();
    }

    public synchronized ContainerPhase phase() {
        return tracker.phase();
    }

    /** Why it turned unhealthy; null while it has not (readable at once, before its container hears of it). */
    public synchronized String unhealthyReason() {
        return unhealthyReason;
    }

    public synchronized LivenessReport report() {
        return new LivenessReport(tracker.failuresInARow(), history.recent());
    }

    /** Stops probing; a probe under way finishes without effect. */
    public void cancel() {
        cancelled = true;
    }
}
