package dev.quarry.pacific.waiting;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * Exponential backoff: the pause after the first failed try is {@code first}, each later one twice the one before,
 * never more than {@code maximum}; after {@code tries} tries in all, give up.
 */
public record Backoff(Duration first, Duration maximum, int tries) {
    public static final Backoff DEFAULT = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30), 6);

    public Backoff {
        requireNonNull(first, "first is null");
        requireNonNull(maximum, "maximum is null");
        if (first.isNegative() || first.isZero() || maximum.compareTo(first) < 0) {
            throw new IllegalArgumentException("backoff needs 0 < first <= maximum, got " + first + " and " + maximum);
        }
        if (tries < 1) {
            throw new IllegalArgumentException("backoff needs at least 1 try, got " + tries);
        }
    }

    /** The pause after failed try number {@code failedTry} (1 for the first). */
    public Duration pauseAfter(int failedTry) {
        Duration pause = first;
        for (int i = 1; i < failedTry && pause.compareTo(maximum) < 0; i++) {
            pause = pause.multipliedBy(2);
        }
        return pause.compareTo(maximum) > 0 ? maximum : pause;
    }

    /** Whether another try may follow failed try number {@code failedTry}. */
    public boolean allowsAnotherAfter(int failedTry) {
        return failedTry < tries;
    }
}
