package dev.quarry.hq.endtoend;

import dev.quarry.hq.HqMain;
import dev.quarry.testsupport.Commands;
import dev.quarry.testsupport.JavaProcesses;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** HQ in its own JVM ({@link HqMain}), so a test can kill it with -9. */
final class HqProcess implements AutoCloseable {
    private static final Pattern LISTENING = Pattern.compile("hq listening on 127\\.0\\.0\\.1:(\\d+)");

    private final Process process;
    private final int port;
    private final Path stderr;

    private HqProcess(Process process, int port, Path stderr) {
        this.process = process;
        this.port = port;
        this.stderr = stderr;
    }

    /** Starts HQ on a random loopback port and waits until it listens. */
    static HqProcess start(Path home, Path logs) throws IOException, InterruptedException {
        return start(home, logs, List.of());
    }

    /** Starts HQ with more options, such as {@code --router 127.0.0.1:PORT}. */
    static HqProcess start(Path home, Path logs, List<String> options) throws IOException, InterruptedException {
        Files.createDirectories(logs);
        String name = UUID.randomUUID().toString();
        Path stdout = logs.resolve(name + ".out");
        Path stderr = logs.resolve(name + ".err");
        List<String> arguments = new java.util.ArrayList<>(List.of("--home", home.toString(), "--listen",
                "127.0.0.1:0"));
        arguments.addAll(options);
        Process process = JavaProcesses.start(HqMain.class.getName(), arguments, logs, stdout, stderr);
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline && process.isAlive()) {
            Matcher listening = LISTENING.matcher(Files.readString(stdout));
            if (listening.find()) {
                return new HqProcess(process, Integer.parseInt(listening.group(1)), stderr);
            }
            Thread.sleep(50);
        }
        Commands.kill(process);
        throw new AssertionError("HQ did not start:\n" + Files.readString(stdout) + Files.readString(stderr));
    }

    int port() {
        return port;
    }

    /** kill -9, of HQ and the processes it started. */
    void killHard() {
        Commands.kill(process);
    }

    /** kill -9 of HQ's JVM alone: what it started (the router's nginx) lives on, as after a real crash. */
    void killJvmOnly() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    /** SIGTERM, as a service manager stops HQ, and waits until the JVM has ended. */
    void terminate() throws InterruptedException {
        process.destroy();
        process.waitFor();
    }

    String stderr() throws IOException {
        return Files.readString(stderr);
    }

    @Override
    public void close() {
        Commands.kill(process);
    }
}
