package dev.quarry.agent.supervise;

import dev.quarry.agent.runtime.ContainerRequest;
import dev.quarry.agent.runtime.Instance;
import dev.quarry.agent.runtime.RuntimeFailure;

/**
 * A supervised container's watcher: waits for its instance to exit, asks the restart rule (through
 * ContainerLife), waits out the backoff and starts it again, until the rule says no, a stop came, or
 * the agent detached.
 */
final class WatchLoop implements Runnable {
    private final Supervision supervision;
    private final ContainerRequest request;
    private final ContainerLife life;
    private final Instance first;

    WatchLoop(Supervision supervision, ContainerRequest request, ContainerLife life, Instance first) {
        this.supervision = supervision;
        this.request = request;
        this.life = life;
        this.first = first;
    }

    @Override
    public void run() {
        Instance current = first;
        while (current != null) {
            RestartDecision decision = awaitDecision(current);
            if (decision == null || !waitOut(decision)) {
                return;
            }
            current = restart();
        }
    }

    private RestartDecision awaitDecision(Instance current) {
        try {
            return life.exited(current.awaitExit());
        } catch (InterruptedException e) {
            return null;
        }
    }

    private boolean waitOut(RestartDecision decision) {
        try {
            supervision.sleeper().sleep(decision.delay());
        } catch (InterruptedException e) {
            // a stop or a detach woke us; backoffOver tells which
        }
        return life.backoffOver();
    }

    /** Starts the next instance; a start that fails counts as an exit with unknown status. */
    private Instance restart() {
        Instance next;
        try {
            next = supervision.launcher().launch(request);
        } catch (RuntimeException e) {
            next = new FailedStart(supervision.clock().instant());
            life.restartFailed(RuntimeFailure.firstLine(e));
        }
        if (life.restarted(next)) {
            return next;
        }
        if (life.stopRequested()) {
            next.stop(life.stopGrace());
            life.stopped();
        }
        return null;
    }
}
