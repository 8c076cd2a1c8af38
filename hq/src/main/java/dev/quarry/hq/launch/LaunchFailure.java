package dev.quarry.hq.launch;

import java.util.List;

/**
 * A step of a launch could not be done: one line saying what, where and how to fix it, and the
 * lines that explain it (the app's last log lines, a hook's output). The launch then rolls back.
 */
public final class LaunchFailure extends RuntimeException {
    private final List<String> lines;

    public LaunchFailure(String reason, List<String> lines) {
        super(reason);
        this.lines = List.copyOf(lines);
    }

    public List<String> lines() {
        return lines;
    }
}
