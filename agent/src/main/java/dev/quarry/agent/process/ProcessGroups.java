package dev.quarry.agent.process;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Signals to a whole process group, and whether any of it still lives (zombies, which only wait to
 * be reaped, do not count). Linux: it reads /proc and runs kill(1).
 */
final class ProcessGroups {
    private static final Duration POLL = Duration.ofMillis(20);
    private static final Duration KILL_WAIT = Duration.ofSeconds(10);

    private ProcessGroups() {}

    /** SIGTERM to the group, SIGKILL when some of it still lives after {@code grace}; returns once it is gone. */
    static void terminate(long group, Duration grace) {
        signal(group, "TERM");
        if (awaitGone(group, grace)) {
            return;
        }
        signal(group, "KILL");
        awaitGone(group, KILL_WAIT);
    }

    /** Sends {@code signal} (TERM, KILL, ...) to every process in the group; a group already gone is fine. */
    static void signal(long group, String signal) {
        try {
            Process kill = new ProcessBuilder(List.of("kill", "-s", signal, "--", "-" + group))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            kill.waitFor(10, TimeUnit.SECONDS);
        } catch (IOException e) {
            throw new IllegalStateException("cannot run kill(1) to signal process group " + group + ": "
                    + e.getMessage() + "; install procps", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Whether the process runs (it exists and is not a zombie waiting to be reaped). */
    static boolean isRunning(long pid) {
        try {
            String text = Files.readString(Path.of("/proc", Long.toString(pid), "stat"), StandardCharsets.ISO_8859_1);
            return !text.substring(text.lastIndexOf(')') + 2).startsWith("Z");
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** Whether some process of the group is alive (not a zombie). */
    static boolean alive(long group) {
        try (DirectoryStream<Path> processes = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
            for (Path process : processes) {
                if (inGroup(process.resolve("stat"), group)) {
                    return true;
                }
            }
            return false;
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean inGroup(Path stat, long group) {
        try {
            String text = Files.readString(stat, StandardCharsets.ISO_8859_1);
            String[] fields = text.substring(text.lastIndexOf(')') + 2).split(" ", 4);
            return !fields[0].equals("Z") && Long.parseLong(fields[2]) == group;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static boolean awaitGone(long group, Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (alive(group)) {
            if (System.nanoTime() - deadline > 0) {
                return false;
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return !alive(group);
            }
        }
        return true;
    }
}
