package dev.quarry.agent.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Once a second, moves aside every process container log under {@code logs/} that grew past its cap.
 * A process that writes faster than that overshoots the cap by at most a second's output.
 */
final class LogRotation implements AutoCloseable {
    private final Path logs;
    private final long cap;
    private final ScheduledExecutorService timer;

    LogRotation(Path logs, long cap) {
        this.logs = logs;
        this.cap = cap;
        this.timer = Executors.newSingleThreadScheduledExecutor(task ->
                Thread.ofPlatform().daemon().name("log rotation").unstarted(task));
        timer.scheduleWithFixedDelay(this::rotate, 1, 1, TimeUnit.SECONDS);
    }

    private void rotate() {
        if (!Files.isDirectory(logs)) {
            return;
        }
        try (Stream<Path> files = Files.find(logs, 2, (path, attributes) -> path.toString().endsWith(".log")
                && attributes.isRegularFile() && attributes.size() > cap)) {
            files.forEach(path -> new LogFile(path, cap).rotateIfOver());
        } catch (IOException | RuntimeException e) {
            // the next round tries again
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
