package dev.quarry.testsupport;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs a real program to completion with a time limit. Output goes to temporary files, so a chatty
 * program never blocks on a full pipe; on timeout the process and its children are killed by PID.
 */
public final class Commands {
    /** Long enough for any single git or ssh call in a test on a loaded two-core machine. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(120);

    private Commands() {}

    public static CommandResult run(List<String> command, Path directory, Map<String, String> environment) {
        return run(command, directory, environment, DEFAULT_TIMEOUT);
    }

    public static CommandResult run(List<String> command, Path directory, Map<String, String> environment,
            Duration timeout) {
        Path out = null;
        Path err = null;
        try {
            out = Files.createTempFile("quarry-command-", ".out");
            err = Files.createTempFile("quarry-command-", ".err");
            Process process = start(command, directory, environment, out.toFile(), err.toFile());
            boolean finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (!finished) {
                kill(process);
                throw new AssertionError("timed out after " + timeout + ": " + String.join(" ", command)
                        + "\n--- stdout\n" + read(out) + "--- stderr\n" + read(err));
            }
            return new CommandResult(command, process.exitValue(), read(out), read(err));
        } catch (IOException e) {
            throw new AssertionError("cannot run " + String.join(" ", command) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while running " + String.join(" ", command), e);
        } finally {
            deleteQuietly(out);
            deleteQuietly(err);
        }
    }

    /** Starts a program with its output sent to files; the caller must end it with {@link #kill}. */
    public static Process start(List<String> command, Path directory, Map<String, String> environment,
            File stdout, File stderr) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(stdout)
                .redirectError(stderr);
        builder.environment().putAll(environment);
        return builder.start();
    }

    /** Kills a process this test started, and the children it started, by PID. */
    public static void kill(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String read(Path file) throws IOException {
        return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a leftover temporary file is harmless
            }
        }
    }
}
