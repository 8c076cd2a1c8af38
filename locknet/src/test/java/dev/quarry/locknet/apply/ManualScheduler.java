package dev.quarry.locknet.apply;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A scheduler whose actions run only when the test says the time is up. */
final class ManualScheduler implements Scheduler {
    private final List<Runnable> actions = new ArrayList<>();
    private final List<Duration> delays = new ArrayList<>();

    @Override
    public Cancellation schedule(Duration delay, Runnable action) {
        actions.add(action);
        delays.add(delay);
        return () -> {};
    }

    /** Runs the most recently scheduled action, as if its delay had passed (cancelled or not: the worst case). */
    void timeIsUp() {
        actions.getLast().run();
    }

    /** Runs the first scheduled action. */
    void firstTimeIsUp() {
        actions.getFirst().run();
    }

    List<Duration> delays() {
        return List.copyOf(delays);
    }
}
