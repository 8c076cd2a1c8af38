package dev.quarry.locknet.apply;

import dev.quarry.locknet.grid.Family;
import dev.quarry.locknet.restore.QuarryRules;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * A ruleset that is loaded but not yet confirmed. The dead-man timer rolls it back when it runs out, and so
 * does the end of the process (SIGTERM, SIGHUP of a lost SSH session), whichever comes first.
 */
public final class PendingApply {
    private final Applier applier;
    private final Map<Family, QuarryRules> previous;
    private final Duration timeout;
    private final CompletableFuture<ApplyOutcome> outcome = new CompletableFuture<>();
    private final Thread shutdownHook;
    private Scheduler.Cancellation timer = () -> {};

    PendingApply(Applier applier, Map<Family, QuarryRules> previous, Duration timeout) {
        this.applier = applier;
        this.previous = Map.copyOf(previous);
        this.timeout = timeout;
        this.shutdownHook = Thread.ofPlatform().name("locknet-rollback-at-exit").unstarted(
                () -> rollBack("the process ended before the rules were confirmed"));
    }

    void start(Scheduler scheduler) {
        timer = scheduler.schedule(timeout, () -> rollBack("not confirmed within " + shown(timeout)));
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /** How long the apply waits for {@link #confirm()}. */
    public Duration timeout() {
        return timeout;
    }

    /** Keeps the new rules for good; false when it is too late (rolled back or replaced). */
    public boolean confirm() {
        synchronized (applier.lock) {
            if (!outcome.isDone()) {
                resolve(new ApplyOutcome.Kept());
            }
            return outcome.join() instanceof ApplyOutcome.Kept;
        }
    }

    /** Restores the previous rules now, unless the apply is already resolved; returns how it ended. */
    public ApplyOutcome rollBack(String reason) {
        synchronized (applier.lock) {
            if (!outcome.isDone()) {
                try {
                    applier.restoreAll(previous);
                    resolve(new ApplyOutcome.RolledBack(reason));
                } catch (LocknetFailure failure) {
                    resolve(new ApplyOutcome.RollbackFailed(failure.getMessage().replaceFirst("^locknet: ", "")));
                }
            }
            return outcome.join();
        }
    }

    /** How it ended, or empty while it is still waiting. */
    public Optional<ApplyOutcome> outcome() {
        return Optional.ofNullable(outcome.getNow(null));
    }

    /** Waits until the apply is confirmed, rolled back or replaced. */
    public ApplyOutcome awaitOutcome() throws InterruptedException {
        try {
            return outcome.get();
        } catch (ExecutionException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    Map<Family, QuarryRules> previous() {
        return previous;
    }

    /** Settles the outcome once; called with the applier's lock held. */
    void resolve(ApplyOutcome result) {
        timer.cancel();
        if (Thread.currentThread() != shutdownHook) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException shuttingDown) {
                // the hook runs anyway and finds the outcome settled
            }
        }
        outcome.complete(result);
        applier.finished(this);
    }

    private static String shown(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + "s" : duration.toMillis() + "ms";
    }
}
