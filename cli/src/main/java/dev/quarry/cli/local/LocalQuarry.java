package dev.quarry.cli.local;

import dev.quarry.cli.remote.HqTarget;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * The private Quarry that runs one app's stack on this machine: {@code quarry up} in the background with
 * its own home ({@code ~/.quarry/local/APP}), loopback ports, key and known_hosts, found again by
 * {@code stop}, {@code ps --local} and {@code logs --local} through {@code local.properties}.
 */
public record LocalQuarry(Path folder) {
    private static final String READY = "Stop with Ctrl-C.";

    public static LocalQuarry of(String app) {
        return new LocalQuarry(Path.of(System.getProperty("user.home"), ".quarry", "local", app));
    }

    public Path key() {
        return folder.resolve("key");
    }

    public Path knownHosts() {
        return folder.resolve("known_hosts");
    }

    Path log() {
        return folder.resolve("quarry.log");
    }

    /** Where the running private HQ listens, when one runs. */
    public Optional<HqTarget> target(String app) throws IOException {
        Optional<Properties> running = running();
        return running.map(it -> new HqTarget("quarry", "127.0.0.1", Integer.parseInt(it.getProperty("ssh")),
                Optional.of(app)));
    }

    Optional<Properties> running() throws IOException {
        Path file = folder.resolve("local.properties");
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        Properties properties = new Properties();
        try (var reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        long pid = Long.parseLong(properties.getProperty("pid", "-1"));
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).map(handle -> properties);
    }

    /** Starts {@code quarry up} for this app in the background and waits until it answers. */
    Properties start() throws IOException, InterruptedException {
        Files.createDirectories(folder);
        int ssh = freePort();
        int http = freePort();
        List<String> command = new ArrayList<>();
        if (Files.isExecutable(Path.of("/usr/bin/setsid"))) {
            command.add("/usr/bin/setsid");
        }
        command.addAll(List.of(ProcessHandle.current().info().command().orElse("java"), "-cp",
                System.getProperty("java.class.path"), "dev.quarry.cli.Main", "up", "--home", folder.resolve("home").toString(),
                "--ssh", "127.0.0.1:" + ssh, "--http", "127.0.0.1:" + http));
        Files.deleteIfExists(log());
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log().toFile()).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .start();
        awaitReady(process);
        Properties properties = new Properties();
        properties.setProperty("pid", Long.toString(pidOf(process)));
        properties.setProperty("ssh", Integer.toString(ssh));
        properties.setProperty("http", Integer.toString(http));
        Path temporary = folder.resolve("local.properties.tmp");
        try (var writer = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
            properties.store(writer, "the private Quarry of quarry start");
        }
        Files.move(temporary, folder.resolve("local.properties"), java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        return properties;
    }

    /** The known_hosts line the private HQ printed. */
    String hostKeyLine() throws IOException {
        String line = Files.readAllLines(log()).stream().filter(it -> it.strip().startsWith("echo '[")).findFirst()
                .orElseThrow(() -> new IOException("the private Quarry printed no host key; see " + log()));
        return line.substring(line.indexOf('\'') + 1, line.lastIndexOf('\''));
    }

    private void awaitReady(Process process) throws IOException, InterruptedException {
        for (int tries = 0; tries < 1200; tries++) {
            if (Files.exists(log()) && Files.readString(log(), StandardCharsets.UTF_8).contains(READY)) {
                return;
            }
            if (!process.isAlive()) {
                throw new IOException("the private Quarry stopped while starting; see " + log());
            }
            Thread.sleep(100);
        }
        process.destroy();
        throw new IOException("the private Quarry did not start within 2 minutes; see " + log());
    }

    /** The PID of quarry up itself (setsid execs it, so it is the same process). */
    private static long pidOf(Process process) {
        return process.pid();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
