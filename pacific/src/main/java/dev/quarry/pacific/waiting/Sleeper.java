package dev.quarry.pacific.waiting;

import java.time.Duration;

/** Pauses the calling thread; {@link #REAL} really sleeps, tests pass one that moves a fake clock instead. */
@FunctionalInterface
public interface Sleeper {
    Sleeper REAL = duration -> Thread.sleep(duration);

    void sleep(Duration duration) throws InterruptedException;
}
