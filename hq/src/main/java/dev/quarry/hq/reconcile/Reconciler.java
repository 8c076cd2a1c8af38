package dev.quarry.hq.reconcile;

import dev.quarry.hq.grid.Grid;
import dev.quarry.hq.grid.RunningContainer;
import dev.quarry.hq.launch.Converger;
import dev.quarry.hq.launch.Progress;
import dev.quarry.hq.layout.Target;
import dev.quarry.hq.layout.Targets;
import dev.quarry.hq.lock.DeployLease;
import dev.quarry.hq.lock.DeployLocks;
import dev.quarry.hq.release.SourceFolders;
import dev.quarry.hq.release.StackState;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Compares, stack by stack under its deploy lock (so never during a deploy), what should run (the live
 * release's layout) with what the agents report, and converges the stack: missing containers start,
 * orphans (old releases, leftovers of an HQ killed mid-deploy) are removed, routes follow what runs.
 * Containers of stacks HQ does not know are removed too.
 */
public final class Reconciler {
    private static final Logger LOG = LoggerFactory.getLogger(Reconciler.class);
    private static final String HOLDER = "the reconciler";

    private final StackState state;
    private final Targets targets;
    private final Converger converger;
    private final DeployLocks locks;
    private final Grid grid;
    private final SourceFolders sources;

    public Reconciler(StackState state, Targets targets, Converger converger, DeployLocks locks, Grid grid,
            SourceFolders sources) {
        this.state = state;
        this.targets = targets;
        this.converger = converger;
        this.locks = locks;
        this.grid = grid;
        this.sources = sources;
    }

    /** One pass over every stack; a stack that cannot be reconciled now is logged and tried next time. */
    public void reconcileAll() {
        List<String> known = state.names();
        Set<String> stacks = new TreeSet<>(known);
        grid.list().containers().stream().map(RunningContainer::status).map(status -> status.stack())
                .forEach(stacks::add);
        for (String stack : stacks) {
            try {
                reconcile(stack);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.warn("cannot reconcile {} now: {}; trying again next time", stack, e.getMessage());
            }
        }
    }

    /**
     * Routes every stack as it runs now, without converging or locking (an HQ that is not the leader keeps
     * its router following what the leader and the other HQs launch).
     */
    public void routeAll() {
        for (String stack : state.names()) {
            try {
                Optional<Target> target = targets.of(stack);
                if (target.isPresent()) {
                    converger.route(stack, target.get().spec(), target.get().layout());
                }
            } catch (RuntimeException e) {
                LOG.warn("cannot route {} now: {}; trying again next time", stack, e.getMessage());
            }
        }
    }

    /** Converges one stack to its live release, holding its deploy lock. */
    public void reconcile(String stack) throws InterruptedException {
        try (DeployLease lease = locks.acquire(stack, HOLDER, line -> LOG.info("reconcile: {}", line))) {
            Optional<Target> target = targets.of(stack);
            if (target.isEmpty()) {
                LOG.warn("the live release of {} no longer reads; leaving its containers as they are", stack);
                return;
            }
            Progress progress = line -> LOG.info("reconcile {}: {}", stack, line.replaceFirst("^-----> ", ""));
            converger.converge(stack, target.get().spec(), target.get().layout(), sources.source(stack), progress);
        }
    }
}
