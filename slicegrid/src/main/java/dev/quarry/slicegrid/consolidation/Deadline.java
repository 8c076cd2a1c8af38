package dev.quarry.slicegrid.consolidation;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * When a consolidation must stop, read from a nanosecond clock the caller supplies (tests and the grid
 * pass {@code System::nanoTime} at the edge; the core never reads a clock of its own).
 */
record Deadline(LongSupplier nanoClock, long endNanos) {

    static Deadline after(LongSupplier nanoClock, Duration budget) {
        return new Deadline(nanoClock, nanoClock.getAsLong() + budget.toNanos());
    }

    boolean passed() {
        return nanoClock.getAsLong() - endNanos >= 0;
    }

    Duration left() {
        return Duration.ofNanos(Math.max(0, endNanos - nanoClock.getAsLong()));
    }
}
