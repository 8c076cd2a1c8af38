package dev.quarry.testsupport;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * A real etcd ({@code /usr/bin/etcd}, v3 API) as a child process: a one-member cluster with its own
 * temporary data folder, a unique member name, and client and peer URLs on free 127.0.0.1 ports. Its
 * output goes to {@code etcd.log} beside the data, whose tail is in every failure message.
 * {@link #restart} keeps the data and the ports; {@link #close} stops it and deletes the folder.
 */
public final class EtcdServer implements AutoCloseable {
    /** Where Debian's etcd-server package puts the server. */
    public static final Path BINARY = Path.of("/usr/bin/etcd");
    private static final long STOP_SECONDS = 30;

    private final Path folder;
    private final String name;
    private final int clientPort;
    private final int peerPort;
    private Process process;

    private EtcdServer(Path folder, String name, int clientPort, int peerPort) {
        this.folder = folder;
        this.name = name;
        this.clientPort = clientPort;
        this.peerPort = peerPort;
    }

    /** Starts a new, empty etcd and waits until it answers; fails the test (never skips it) when etcd is missing. */
    public static EtcdServer start() {
        if (!Files.isExecutable(BINARY)) {
            throw new AssertionError("etcd is not installed at " + BINARY
                    + ": install it (Debian: apt-get install etcd-server) to run the etcd tests");
        }
        try {
            Path folder = Files.createTempDirectory("quarry-etcd-");
            String name = "quarry-test-" + UUID.randomUUID().toString().substring(0, 8);
            EtcdServer server = new EtcdServer(folder, name, LoopbackPorts.free(), LoopbackPorts.free());
            server.launch();
            return server;
        } catch (IOException e) {
            throw new AssertionError("cannot prepare a folder for etcd: " + e.getMessage(), e);
        }
    }

    /** The client URL, such as {@code http://127.0.0.1:41234}. */
    public String endpoint() {
        return "http://127.0.0.1:" + clientPort;
    }

    /** The etcd process's id, while it runs. */
    public long pid() {
        return process.pid();
    }

    /** Stops etcd gracefully (SIGTERM to its PID) and waits until it has ended. */
    public void stop() {
        if (process != null && process.isAlive()) {
            process.destroy();
            awaitEnd();
        }
    }

    /** Kills etcd at once (SIGKILL to its PID), as a crash would. */
    public void kill() {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
            awaitEnd();
        }
    }

    /** Stops etcd if it runs, then starts it again on the same data and ports and waits until it answers. */
    public void restart() {
        stop();
        launch();
    }

    /** The last lines etcd printed. */
    public String logTail() {
        List<String> lines = ProcessOutput.read(log()).lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    }

    /** Stops etcd and deletes its data folder and log. */
    @Override
    public void close() {
        try {
            stop();
        } finally {
            Folders.deleteRecursively(folder);
        }
    }

    private void launch() {
        try {
            process = new ProcessBuilder(command()).directory(folder.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log().toFile()))
                    .start();
        } catch (IOException e) {
            throw new AssertionError("cannot start " + BINARY + ": " + e.getMessage(), e);
        }
        EtcdHealth.await(process, clientPort, this::logTail);
    }

    private List<String> command() {
        String peer = "http://127.0.0.1:" + peerPort;
        return List.of(BINARY.toString(), "--name", name, "--data-dir", folder.resolve("data").toString(),
                "--listen-client-urls", endpoint(), "--advertise-client-urls", endpoint(),
                "--listen-peer-urls", peer, "--initial-advertise-peer-urls", peer,
                "--initial-cluster", name + "=" + peer, "--initial-cluster-state", "new",
                "--initial-cluster-token", name, "--logger", "zap", "--log-outputs", "stderr");
    }

    private Path log() {
        return folder.resolve("etcd.log");
    }

    private void awaitEnd() {
        try {
            if (!process.waitFor(STOP_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(STOP_SECONDS, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for etcd (pid " + process.pid() + ") to end", e);
        }
    }
}
