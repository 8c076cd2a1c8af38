package dev.quarry.pacific.fakes;

import dev.quarry.pacific.waiting.Poller;
import dev.quarry.pacific.waiting.Sleeper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Sleeps by moving a {@link ManualClock} at once, records every pause, and can be told to be interrupted. */
public final class ClockSleeper implements Sleeper {
    private final ManualClock clock;
    private final List<Duration> pauses = new ArrayList<>();
    private int interruptAtSleep = -1;

    public ClockSleeper(ManualClock clock) {
        this.clock = clock;
    }

    /** A poller on this sleeper and its clock. */
    public Poller poller() {
        return new Poller(clock, this);
    }

    /** Sleep number {@code count} (1 for the next one) throws InterruptedException instead of sleeping. */
    public synchronized void interruptAtSleep(int count) {
        interruptAtSleep = pauses.size() + count;
    }

    @Override
    public synchronized void sleep(Duration duration) throws InterruptedException {
        pauses.add(duration);
        if (pauses.size() == interruptAtSleep) {
            throw new InterruptedException("interrupted by the test");
        }
        clock.advance(duration);
    }

    public synchronized List<Duration> pauses() {
        return List.copyOf(pauses);
    }
}
