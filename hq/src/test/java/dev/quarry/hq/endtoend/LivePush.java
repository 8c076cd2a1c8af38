package dev.quarry.hq.endtoend;

import dev.quarry.testsupport.CommandResult;
import dev.quarry.testsupport.GitWorkTree;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A {@code git push} whose {@code remote:} lines a test hears as they arrive, not once the push ended: a
 * line can unblock what the push waits for, which proves it was sent while the work ran.
 */
final class LivePush {
    private LivePush() {}

    /** Pushes {@code main}, handing every stderr line to {@code heard} as it comes; answers the whole result. */
    static CommandResult push(GitWorkTree tree, String url, Consumer<String> heard) {
        List<String> command = List.of("git", "push", url, "main");
        ProcessBuilder builder = new ProcessBuilder(command).directory(tree.directory().toFile());
        builder.environment().putAll(tree.environment());
        try {
            Process process = builder.start();
            process.getOutputStream().close();
            List<String> stderr = new CopyOnWriteArrayList<>();
            Thread reader = Thread.ofVirtual().start(() -> read(process, stderr, heard));
            String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly();
            }
            reader.join();
            return new CommandResult(command, process.waitFor(), stdout, String.join("\n", stderr) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while pushing", e);
        }
    }

    private static void read(Process process, List<String> stderr, Consumer<String> heard) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getErrorStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                stderr.add(line);
                heard.accept(line);
            }
        } catch (IOException e) {
            stderr.add("(reading the push's output failed: " + e.getMessage() + ")");
        }
    }
}
