package dev.quarry.agent.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.quarry.agent.sandbox.Confinement;
import dev.quarry.agent.sandbox.Sandbox;
import dev.quarry.agent.sandbox.SandboxIdentity;
import dev.quarry.agent.sandbox.StackUser;
import dev.quarry.agent.sandbox.StackUsers;
import dev.quarry.agent.testing.Busybox;
import dev.quarry.testsupport.LoopbackPorts;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the sandbox adds to a process container's start: the time from starting busybox httpd to its
 * port accepting connections, {@code setsid sh -c RUN} bare against the same inside bubblewrap as its
 * stack's user (the command line the agent runs), alternating, in one run. Prints
 * {@code sandbox=off starts=30 median_ms=... mean_ms=...} to stdout and {@code target/sandbox-benchmark.txt};
 * asserts only that every start served.
 */
class SandboxStartBenchmark {
    private static final int STARTS = 30;

    @TempDir
    Path temp;

    @Test
    void sandboxedAgainstBareStarts() throws Exception {
        Busybox.require();
        Path release = Busybox.writeApp(temp.resolve("release"), "benchmark");
        Path stackHome = Files.createDirectories(temp.resolve("stack-home"));
        StackUser user = StackUsers.open(temp.resolve("stack-users.json"), "benchmark").of("bench");
        own(release, user);
        own(stackHome, user);
        Sandbox sandbox = Sandbox.detect(List.of(temp));
        Path identity = Files.createDirectories(temp.resolve("identity"));
        Files.writeString(identity.resolve("passwd"), new SandboxIdentity(user).passwd());
        Files.writeString(identity.resolve("group"), new SandboxIdentity(user).group());
        Confinement confinement = new Confinement(user, release, false, stackHome, identity);
        List<Double> bare = new ArrayList<>();
        List<Double> sandboxed = new ArrayList<>();
        for (int start = 0; start < STARTS; start++) {
            bare.add(startToListening(release, List.of("sh", "-c", Busybox.SERVE)));
            sandboxed.add(startToListening(release, sandbox.command(confinement, Busybox.SERVE)));
        }
        List<String> report = List.of(line("off", bare), line("on", sandboxed),
                String.format("sandbox adds median_ms=%.1f", median(sandboxed) - median(bare)));
        report.forEach(System.out::println);
        Path file = Path.of("target", "sandbox-benchmark.txt");
        Files.createDirectories(file.getParent());
        Files.write(file, report, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING);
        assertEquals(STARTS, sandboxed.size());
    }

    private static double startToListening(Path release, List<String> command) throws Exception {
        int port = LoopbackPorts.free();
        List<String> line = new ArrayList<>(List.of("setsid"));
        line.addAll(command);
        ProcessBuilder builder = new ProcessBuilder(line).directory(release.toFile())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectErrorStream(true);
        builder.environment().putAll(Map.of("HOST", "127.0.0.1", "PORT", Integer.toString(port)));
        long began = System.nanoTime();
        Process process = builder.start();
        try {
            while (!accepts(port)) {
                if (!process.isAlive()) {
                    throw new AssertionError(command + " ended with status " + process.exitValue());
                }
                Thread.onSpinWait();
            }
            return (System.nanoTime() - began) / 1_000_000.0;
        } finally {
            new ProcessBuilder("kill", "-s", "KILL", "--", "-" + process.pid()).start().waitFor(10, TimeUnit.SECONDS);
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 100);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void own(Path folder, StackUser user) throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.toList()) {
                Files.setAttribute(path, "unix:uid", (int) user.id(), LinkOption.NOFOLLOW_LINKS);
                Files.setAttribute(path, "unix:gid", (int) user.id(), LinkOption.NOFOLLOW_LINKS);
            }
        }
    }

    private static String line(String sandbox, List<Double> times) {
        double mean = times.stream().mapToDouble(Double::doubleValue).average().orElse(0);
        return String.format("sandbox=%s starts=%d median_ms=%.1f mean_ms=%.1f", sandbox, times.size(), median(times),
                mean);
    }

    private static double median(List<Double> times) {
        List<Double> sorted = times.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }
}
