package dev.quarry.locknet.apply;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * How a finished command went.
 *
 * @param exitCode the exit status, 0 for success
 * @param output what it wrote to standard output
 * @param errors what it wrote to standard error
 */
public record CommandResult(int exitCode, String output, String errors) {
    public CommandResult {
        requireNonNull(output, "output is null");
        requireNonNull(errors, "errors is null");
    }

    public boolean succeeded() {
        return exitCode == 0;
    }

    /** Standard error as one line: its non-blank lines joined by "; ", without the "Try --help" advice. */
    public String errorLine() {
        String joined = Arrays.stream(errors.split("\n"))
                .map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("Try `"))
                .collect(Collectors.joining("; "));
        return joined.isEmpty() ? "exit status " + exitCode : joined;
    }
}
