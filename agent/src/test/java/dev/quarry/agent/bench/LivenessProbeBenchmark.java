package dev.quarry.agent.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.agent.health.HttpProbe;
import dev.quarry.agent.liveness.LivenessMonitor;
import dev.quarry.agent.liveness.LivenessWatch;
import dev.quarry.agent.liveness.ProbeHistory;
import dev.quarry.agent.runtime.ContainerPhase;
import dev.quarry.agent.runtime.ContainerRequest;
import dev.quarry.agent.testing.Busybox;
import dev.quarry.compiler.spec.HealthSpec;
import dev.quarry.compiler.spec.LivenessSpec;
import dev.quarry.testsupport.LoopbackPorts;
import dev.quarry.testsupport.TcpReach;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The agent's cpu cost of probing 500 containers: 500 liveness watches of one monitor, each probing
 * {@code GET /up} of a busybox httpd in a process of its own (its cpu is the app's, not the agent's) every
 * second for 20 s; the JVM's cpu time over that window, less an idle window as long, per probe and per second at
 * the default interval (10 s). Printed and written to {@code target/liveness-benchmark.txt}; asserts only that
 * the probes ran (failures,
 * from the one busybox httpd forking for 250 requests a second on a loaded machine, are counted in the line).
 */
class LivenessProbeBenchmark {
    private static final int CONTAINERS = 500;
    private static final Duration WINDOW = Duration.ofSeconds(10);
    private static final Duration INTERVAL = Duration.ofSeconds(2);

    @TempDir
    Path temp;

    @Test
    void probing500ContainersCostsTheAgentLittleCpu() throws Exception {
        Busybox.require();
        Busybox.writeApp(temp, "bench");
        int port = LoopbackPorts.free();
        Process httpd = new ProcessBuilder("busybox", "httpd", "-f", "-p", "127.0.0.1:" + port, "-h", "www")
                .directory(temp.toFile()).redirectErrorStream(true).redirectOutput(temp.resolve("httpd.log").toFile())
                .start();
        List<LivenessWatch> watches = new ArrayList<>();
        try (LivenessMonitor monitor = new LivenessMonitor(HttpProbe.sharedClient(), Clock.systemUTC())) {
            TcpReach.awaitListening("127.0.0.1", port);
            double idle = cpuMillisOver(WINDOW);
            for (int index = 1; index <= CONTAINERS; index++) {
                ContainerRequest request = ContainerRequest.builder("bench.web.1." + index, "127.0.0.1").run("x")
                        .port(port).health(new HealthSpec("/up", INTERVAL, Duration.ofSeconds(2), Duration.ofMinutes(5)))
                        .liveness(new LivenessSpec(null, INTERVAL, Duration.ofSeconds(2), 3)).toRequest();
                watches.add(monitor.watch(request, java.time.Instant.now(), true, new ProbeHistory(), reason -> { }));
            }
            double busy = cpuMillisOver(WINDOW);
            watches.forEach(LivenessWatch::cancel);
            long probes = watches.stream().mapToLong(watch -> watch.report().recent().size()).sum();
            long failed = watches.stream().flatMap(watch -> watch.report().recent().stream())
                    .filter(probe -> !probe.passed()).count();
            long unhealthy = watches.stream().filter(watch -> watch.phase() != ContainerPhase.UP).count();
            assertTrue(probes > 0, "probes ran");
            double probesMade = CONTAINERS * (WINDOW.toMillis() / (double) INTERVAL.toMillis());
            double perProbe = (busy - idle) / probesMade;
            double perSecondAtDefaults = perProbe * CONTAINERS / LivenessSpec.DEFAULT_INTERVAL.toSeconds();
            String line = String.format("liveness containers=%d interval_ms=%d window_s=%d cpu_ms_idle=%.0f cpu_ms_busy=%.0f"
                    + " cpu_ms_per_probe=%.3f cpu_share_at_default_interval=%.2f%%"
                    + " (last probes kept: %d, failed: %d; containers not up: %d)%n", CONTAINERS, INTERVAL.toMillis(),
                    WINDOW.toSeconds(), idle, busy, perProbe, perSecondAtDefaults / 10.0, probes, failed, unhealthy);
            System.out.print(line);
            Files.writeString(Path.of("target/liveness-benchmark.txt"), line);
        } finally {
            httpd.destroyForcibly().waitFor();
        }
    }

    private static double cpuMillisOver(Duration window) throws InterruptedException {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long before = os.getProcessCpuTime();
        Thread.sleep(window.toMillis());
        return (os.getProcessCpuTime() - before) / 1e6;
    }
}
