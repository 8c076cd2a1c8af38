package dev.quarry.agent.testing;

import dev.quarry.agent.supervise.Sleeper;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A Sleeper that records each wait asked of it and waits only a millisecond, so backoff is checked without sleeping. */
public final class RecordingSleeper implements Sleeper {
    private final List<Duration> waits = new CopyOnWriteArrayList<>();

    @Override
    public void sleep(Duration duration) throws InterruptedException {
        waits.add(duration);
        Thread.sleep(1);
    }

    public List<Duration> waits() {
        return List.copyOf(waits);
    }
}
