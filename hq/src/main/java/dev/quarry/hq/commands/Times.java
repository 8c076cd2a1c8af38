package dev.quarry.hq.commands;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Instants as people read them in tables: UTC, to the second. */
final class Times {
    private Times() {}

    static String show(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
