package dev.quarry.testsupport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Waiting for a long-running program to say it is ready, by reading the file its output goes to. */
public final class ProcessOutput {
    private static final int TRIES = 1200;

    private ProcessOutput() {}

    /**
     * Waits, a bounded number of tries (about 60 s), until {@code stdout} holds {@code text}; fails the test with
     * what the program printed if it ends first or never says it.
     */
    public static void awaitLine(Process process, Path stdout, Path stderr, String text) {
        for (int tries = 0; tries < TRIES; tries++) {
            if (read(stdout).contains(text)) {
                return;
            }
            if (!process.isAlive()) {
                throw new AssertionError("the program ended (exit " + process.exitValue() + ") before printing \""
                        + text + "\":\n" + read(stdout) + read(stderr));
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for \"" + text + "\"", e);
            }
        }
        throw new AssertionError("the program never printed \"" + text + "\":\n" + read(stdout) + read(stderr));
    }

    /** The file's text, or nothing when it does not exist yet. */
    public static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "(cannot read " + file + ": " + e.getMessage() + ")";
        }
    }
}
