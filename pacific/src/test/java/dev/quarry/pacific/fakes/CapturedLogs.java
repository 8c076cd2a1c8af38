package dev.quarry.pacific.fakes;

import java.util.ArrayList;
import java.util.List;

/** Every log line written through SLF4J during the tests, at every level (see {@link CapturingServiceProvider}). */
public final class CapturedLogs {
    private static final List<String> LINES = new ArrayList<>();

    private CapturedLogs() {}

    static synchronized void add(String line) {
        LINES.add(line);
    }

    public static synchronized List<String> lines() {
        return List.copyOf(LINES);
    }
}
