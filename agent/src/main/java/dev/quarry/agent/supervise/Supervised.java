package dev.quarry.agent.supervise;

import dev.quarry.agent.runtime.ContainerRequest;
import dev.quarry.agent.runtime.ContainerStatus;
import dev.quarry.agent.runtime.Instance;
import dev.quarry.agent.state.RecordedContainer;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One container kept running by its restart policy: requests (start, stop, detach) take turns
 * through one lock; a WatchLoop thread follows each instance; ContainerLife holds what both share.
 */
final class Supervised {
    private final Supervision supervision;
    private final ContainerRequest request;
    private final ContainerLife life;
    private final ReentrantLock requests = new ReentrantLock();
    private volatile Thread watcher;
    private boolean abandoned;

    Supervised(Supervision supervision, ContainerRequest request, RecordedContainer recorded) {
        this.supervision = supervision;
        this.request = request;
        this.life = new ContainerLife(supervision, request, recorded);
    }

    ContainerRequest request() {
        return request;
    }

    /** Whether it ever started (a first start that failed leaves nothing to list). */
    boolean started() {
        return life.started();
    }

    /**
     * Starts it unless it runs or waits to restart. Empty when a first start that failed on another
     * thread left this supervisor unused: the caller makes a new one.
     */
    Optional<ContainerStatus> start() {
        requests.lock();
        try {
            if (abandoned) {
                return Optional.empty();
            }
            if (life.isActive()) {
                return Optional.of(life.status());
            }
            Instance launched;
            supervision.changes().accept(life.launching());
            try {
                launched = supervision.launcher().launch(request);
            } catch (RuntimeException e) {
                abandoned = !life.started();
                forgetLaunch();
                throw e;
            }
            watch(launched, true, false);
            return Optional.of(life.status());
        } finally {
            requests.unlock();
        }
    }

    /** After a launch that failed: a container that never ran leaves the state file, any other is written as it is. */
    private void forgetLaunch() {
        if (abandoned) {
            supervision.forgotten().accept(request.id());
        } else {
            life.rewrite();
        }
    }

    /** Watches an instance an earlier agent started that still runs. */
    void adopt(Instance running) {
        watch(running, false, true);
    }

    /** Treats an instance an earlier agent started, and that no longer runs, as just exited. */
    void adoptExited() {
        Instant started = life.startedAt();
        watch(new FailedStart(started == null ? supervision.clock().instant() : started), false, false);
    }

    /** Stops it (SIGTERM, SIGKILL after {@code grace}) and waits until its watcher is done. */
    ContainerStatus stop(Duration grace) {
        requests.lock();
        try {
            if (!life.isActive()) {
                return life.status();
            }
            ContainerLife.StopTicket ticket = life.requestStop(grace);
            if (ticket.sleeping()) {
                watcher.interrupt();
            }
            if (ticket.running() != null) {
                ticket.running().stop(grace);
            }
            Threads.joinUninterruptibly(watcher);
            return life.status();
        } finally {
            requests.unlock();
        }
    }

    /** Stops watching, leaving the instance running for the next agent. */
    void detach() {
        life.detach();
        Thread watching = watcher;
        if (watching != null) {
            watching.interrupt();
            Threads.joinUninterruptibly(watching);
        }
    }

    ContainerStatus status() {
        return life.status();
    }

    RecordedContainer record() {
        return life.record();
    }

    /** Its health check passed: up for the router now. */
    void passed() {
        life.passed();
    }

    private void watch(Instance running, boolean fresh, boolean adopted) {
        life.running(running, fresh, adopted);
        watcher = Thread.ofPlatform().daemon().name("watch " + request.id())
                .start(new WatchLoop(supervision, request, life, running));
    }
}
