package dev.quarry.hq.launch;

import java.util.Locale;

/** Elapsed time as progress lines show it: {@code 1.3 s}. */
final class Seconds {
    private Seconds() {}

    static String of(long millis) {
        return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }

    static String since(long startedNanos) {
        return of((System.nanoTime() - startedNanos) / 1_000_000);
    }
}
