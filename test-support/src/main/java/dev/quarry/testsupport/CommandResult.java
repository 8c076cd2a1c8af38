package dev.quarry.testsupport;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * What a finished process left: its exit status and everything it printed.
 *
 * @param command the command line, for failure messages
 * @param exitCode the exit status
 * @param stdout standard output as UTF-8
 * @param stderr standard error as UTF-8
 */
public record CommandResult(List<String> command, int exitCode, String stdout, String stderr) {
    public CommandResult {
        command = List.copyOf(command);
        requireNonNull(stdout, "stdout is null");
        requireNonNull(stderr, "stderr is null");
    }

    public boolean succeeded() {
        return exitCode == 0;
    }

    /** Standard error's lines with trailing blanks removed. */
    public List<String> stderrLines() {
        return stderr.lines().map(String::stripTrailing).toList();
    }

    /** Standard output's lines with trailing blanks removed. */
    public List<String> stdoutLines() {
        return stdout.lines().map(String::stripTrailing).toList();
    }

    /** Fails with everything the process printed unless it exited 0. */
    public CommandResult requireSuccess() {
        if (!succeeded()) {
            throw new AssertionError(describe());
        }
        return this;
    }

    /** The command, its exit status and its output, for assertion messages. */
    public String describe() {
        return String.join(" ", command) + "\nexit " + exitCode + "\n--- stdout\n" + stdout + "--- stderr\n" + stderr;
    }
}
