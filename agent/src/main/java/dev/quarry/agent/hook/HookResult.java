package dev.quarry.agent.hook;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * How a hook ended.
 *
 * @param name the hook's name
 * @param exitCode its exit status; 0 is success, -1 means it was killed at its timeout
 * @param output its last lines of output (stdout and stderr)
 * @param elapsedMillis how long it ran
 * @param earlier true when it had already succeeded for this release and did not run again
 */
public record HookResult(String name, int exitCode, List<String> output, long elapsedMillis, boolean earlier) {
    /** How many lines of a hook's output are kept. */
    public static final int KEPT_LINES = 50;

    public HookResult {
        requireNonNull(name, "name is null");
        output = List.copyOf(output);
    }

    public boolean succeeded() {
        return exitCode == 0;
    }

    public HookResult asEarlier() {
        return new HookResult(name, exitCode, output, elapsedMillis, true);
    }
}
