package dev.quarry.locknet.apply;

import java.time.Duration;

/** Runs an action once after a delay unless cancelled first; {@link VirtualThreadScheduler} is the real one. */
@FunctionalInterface
public interface Scheduler {
    /** Schedules {@code action} to run after {@code delay}; the returned cancellation stops it if it has not started. */
    Cancellation schedule(Duration delay, Runnable action);

    /** Stops a scheduled action that has not started yet. */
    @FunctionalInterface
    interface Cancellation {
        void cancel();
    }
}
