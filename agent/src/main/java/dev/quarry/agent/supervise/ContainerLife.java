package dev.quarry.agent.supervise;

import dev.quarry.agent.liveness.LivenessWatch;
import dev.quarry.agent.liveness.ProbeHistory;
import dev.quarry.agent.runtime.ContainerPhase;
import dev.quarry.agent.runtime.ContainerRequest;
import dev.quarry.agent.runtime.ContainerState;
import dev.quarry.agent.runtime.ContainerStatus;
import dev.quarry.agent.runtime.Instance;
import dev.quarry.agent.runtime.LivenessReport;
import dev.quarry.agent.state.RecordedContainer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One container's state as its requests and its watcher change it. Every method holds the monitor,
 * and every change is told to the supervision's listener (the state file).
 */
final class ContainerLife {
    /** What a stop request found: the instance to stop, and whether the watcher sleeps out a backoff. */
    record StopTicket(Instance running, boolean sleeping) {}

    private final Supervision supervision;
    private final ContainerRequest request;
    private final Restarts restarts;
    private ContainerState state;
    private Instance instance;
    private Instant startedAt;
    private Integer exitCode;
    private String note;
    private boolean stopRequested;
    private Duration stopGrace = Duration.ZERO;
    private boolean sleeping;
    private boolean detached;
    private final ProbeHistory history = new ProbeHistory();
    private LivenessWatch watch;
    private String livenessFailure;
    private boolean failed;

    ContainerLife(Supervision supervision, ContainerRequest request, RecordedContainer recorded) {
        this.supervision = supervision;
        this.request = request;
        this.restarts = new Restarts(recorded == null ? 0 : recorded.restarts());
        if (recorded != null) {
            state = recorded.state();
            startedAt = recorded.startedAt();
            exitCode = recorded.exitCode();
        }
    }

    synchronized boolean started() {
        return state != null;
    }

    synchronized boolean isActive() {
        return state != null && state.isActive();
    }

    synchronized Instant startedAt() {
        return startedAt;
    }

    /**
     * It runs {@code running}; a fresh start (by request) also forgets the last exit and row of restarts. Its
     * liveness is probed from now on, starting up when {@code adopted} (it served under an earlier agent).
     */
    synchronized void running(Instance running, boolean fresh, boolean adopted) {
        if (fresh) {
            stopRequested = false;
            restarts.freshRow();
            note = null;
            exitCode = null;
        }
        instance = running;
        startedAt = running.startedAt();
        state = ContainerState.RUNNING;
        failed = false;
        livenessFailure = null;
        unwatch();
        if (request.port() != null && running.handle() != null) {
            watch = supervision.liveness().watch(request, running.startedAt(), adopted, history,
                    reason -> unhealthy(running, reason));
        }
        changed();
    }

    /**
     * What the state file says while a start launches, before its instance is known: it may run (restarting,
     * no pid), so an agent killed meanwhile leaves the next one a record to look for it by (its cgroup, its labels).
     */
    synchronized RecordedContainer launching() {
        return new RecordedContainer(request, ContainerState.RESTARTING, null, startedAt, restarts.total(), exitCode);
    }

    /** Writes the state file again from what is known (after a launch that failed). */
    synchronized void rewrite() {
        changed();
    }

    /** Its health check passed: up (for the router) without waiting for the next liveness probe. */
    synchronized void passed() {
        if (watch != null) {
            watch.passed();
        }
    }

    /**
     * On a probe's thread: {@code unhealthy} failed its liveness probe too often. It shows unhealthy at once (HQ
     * takes it out of the router), is stopped {@link LivenessRestart#UNROUTE_WAIT} later, and its restart policy
     * decides as for a failure.
     */
    private void unhealthy(Instance unhealthy, String reason) {
        if (markUnhealthy(unhealthy, reason)) {
            LivenessRestart.stopAfterUnrouting(unhealthy, () -> stillUnhealthy(unhealthy));
        }
    }

    private synchronized boolean markUnhealthy(Instance unhealthy, String reason) {
        if (instance != unhealthy || stopRequested || detached) {
            return false;
        }
        livenessFailure = reason;
        note = reason;
        changed();
        return true;
    }

    private synchronized boolean stillUnhealthy(Instance unhealthy) {
        return instance == unhealthy && livenessFailure != null && !stopRequested && !detached;
    }

    private void unwatch() {
        if (watch != null) {
            watch.cancel();
            watch = null;
        }
    }

    synchronized StopTicket requestStop(Duration grace) {
        stopRequested = true;
        stopGrace = grace;
        return new StopTicket(instance, sleeping);
    }

    synchronized void detach() {
        detached = true;
        unwatch();
    }

    /** The instance exited: answers the restart to make, or null when the watcher is done. */
    synchronized RestartDecision exited(int code) {
        if (detached) {
            return null;
        }
        exitCode = code < 0 ? null : code;
        instance = null;
        unwatch();
        if (stopRequested) {
            state = ContainerState.STOPPED;
            livenessFailure = null;
            changed();
            return null;
        }
        RestartDecision decision = livenessFailure != null
                ? restarts.decideFailure(request.restart(), "stopped: " + livenessFailure, upFor())
                : restarts.decide(request.restart(), exitCode, upFor());
        failed = !decision.restart() && (livenessFailure != null || exitCode == null || exitCode != 0);
        livenessFailure = null;
        note = decision.reason();
        state = decision.restart() ? ContainerState.RESTARTING : ContainerState.EXITED;
        sleeping = decision.restart();
        changed();
        return decision.restart() ? decision : null;
    }

    /** The backoff is over (or was cut short): answers whether to start again. */
    synchronized boolean backoffOver() {
        sleeping = false;
        Thread.interrupted();
        if (stopRequested && !detached) {
            state = ContainerState.STOPPED;
            changed();
        }
        return !stopRequested && !detached;
    }

    synchronized void restartFailed(String reason) {
        note = "restart failed: " + reason;
    }

    /** The restart made {@code next}: answers true when it now runs, false when a stop or detach came first. */
    synchronized boolean restarted(Instance next) {
        restarts.count();
        if (stopRequested || detached) {
            return false;
        }
        running(next, false, false);
        return true;
    }

    synchronized boolean stopRequested() {
        return stopRequested && !detached;
    }

    synchronized Duration stopGrace() {
        return stopGrace;
    }

    synchronized void stopped() {
        state = ContainerState.STOPPED;
        unwatch();
        changed();
    }

    private Duration upFor() {
        Duration up = startedAt == null ? Duration.ZERO : Duration.between(startedAt, supervision.clock().instant());
        return up.isNegative() ? Duration.ZERO : up;
    }

    private void changed() {
        supervision.changes().accept(record());
    }

    synchronized ContainerStatus status() {
        List<String> notes = new ArrayList<>(supervision.launcher().notes(request));
        // a probe that just turned it unhealthy is shown with its reason before the container hears of it
        String reason = note == null && watch != null && state == ContainerState.RUNNING ? watch.unhealthyReason()
                : note;
        if (reason != null) {
            notes.add(reason);
        }
        ContainerState shown = state == null ? ContainerState.STOPPED : state;
        return new ContainerStatus(request.id(), request.stack(), request.node(), request.release(), request.kind(),
                shown, exitCode, restarts.total(), startedAt, request.host(),
                request.port() == null ? 0 : request.port(), instance == null ? null : instance.handle(), notes,
                phase(shown), reason, livenessReport());
    }

    private ContainerPhase phase(ContainerState shown) {
        return switch (shown) {
            case RUNNING -> livenessFailure != null ? ContainerPhase.UNHEALTHY
                    : watch == null ? ContainerPhase.UP : watch.phase();
            case RESTARTING -> ContainerPhase.RESTARTING;
            case STOPPED -> ContainerPhase.STOPPED;
            case EXITED -> failed ? ContainerPhase.FAILED : ContainerPhase.STOPPED;
        };
    }

    private LivenessReport livenessReport() {
        if (watch != null) {
            return watch.report();
        }
        return history.isEmpty() ? null : new LivenessReport(0, history.recent());
    }

    synchronized RecordedContainer record() {
        return new RecordedContainer(request, state == null ? ContainerState.STOPPED : state,
                instance == null ? null : instance.handle(), startedAt, restarts.total(), exitCode);
    }
}
