package dev.quarry.agent.testing;

import java.time.Duration;
import java.util.function.Supplier;

/** Waiting for something a real process or daemon does in its own time; never an assertion about speed. */
public final class Waits {
    /** Long enough for anything these tests wait for on a loaded two-core machine. */
    public static final Duration PATIENCE = Duration.ofSeconds(90);

    private Waits() {}

    /** Polls {@code value} until {@code done} holds for it; fails naming what was awaited and the last value. */
    public static <T> T until(String what, Supplier<T> value, java.util.function.Predicate<T> done) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        T last = value.get();
        while (!done.test(last)) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("gave up waiting for " + what + "; last seen: " + last);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + what);
            }
            last = value.get();
        }
        return last;
    }
}
