package dev.quarry.agent.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.agent.client.AgentClient;
import dev.quarry.agent.docker.DockerClients;
import dev.quarry.agent.health.HealthVerdict;
import dev.quarry.agent.ports.PortRange;
import dev.quarry.agent.runtime.ContainerRequest;
import dev.quarry.agent.runtime.ContainerRequestBuilder;
import dev.quarry.agent.supervise.Sleeper;
import dev.quarry.agent.testing.Busybox;
import dev.quarry.agent.testing.BusyboxImage;
import dev.quarry.agent.testing.TestAgent;
import dev.quarry.compiler.spec.HealthSpec;
import dev.quarry.testsupport.SshKeys;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Time from the first start to all healthy, through AgentClient over SSH to one agent on this
 * machine, for 1, 10 and 50 containers of each runtime: every container's start and health call go
 * out at once from 16 threads, as HQ's launcher would send them. Prints
 * {@code runtime=process containers=10 all_healthy_ms=...} to stdout and to
 * {@code target/agent-benchmark.txt}; asserts only that every container became healthy.
 */
class StartToHealthyBenchmark {
    private static final int[] COUNTS = {1, 10, 50};
    private static final HealthSpec HEALTH = new HealthSpec("/up", Duration.ofMillis(50), Duration.ofSeconds(2),
            Duration.ofSeconds(120));

    @TempDir
    Path temp;

    @Test
    void startToAllHealthy() throws Exception {
        Busybox.require();
        List<String> report = new ArrayList<>();
        String image = BusyboxImage.importAs(DockerClients.DEFAULT_SOCKET, "benchmark");
        try (TestAgent agent = TestAgent.start(temp.resolve("home"), SshKeys.ed25519(temp.resolve("keys"), "hq"),
                new PortRange(22000, 22999), Sleeper.SYSTEM)) {
            agent.client().sendSource("bench", 1, Busybox.writeApp(temp.resolve("app"), "benchmark"));
            for (int count : COUNTS) {
                report.add(measure(agent, "process", count, index -> process(count, index)));
                report.add(measure(agent, "docker", count, index -> docker(count, index, image)));
            }
        } finally {
            try (var docker = DockerClients.open(DockerClients.DEFAULT_SOCKET)) {
                BusyboxImage.remove(docker, image);
            }
        }
        report.forEach(System.out::println);
        Path file = Path.of("target", "agent-benchmark.txt");
        Files.createDirectories(file.getParent());
        Files.write(file, report);
    }

    private static String measure(TestAgent agent, String runtime, int count, IntFunction<ContainerRequest> requests)
            throws Exception {
        AgentClient client = agent.client();
        ExecutorService threads = Executors.newFixedThreadPool(16);
        try {
            long began = System.nanoTime();
            List<Future<HealthVerdict>> verdicts = new ArrayList<>();
            for (int index = 1; index <= count; index++) {
                ContainerRequest request = requests.apply(index);
                verdicts.add(threads.submit(() -> {
                    client.start(request);
                    return client.health(request.id());
                }));
            }
            for (Future<HealthVerdict> verdict : verdicts) {
                assertTrue(verdict.get().healthy(), verdict.get().toString());
            }
            long elapsed = (System.nanoTime() - began) / 1_000_000;
            for (int index = 1; index <= count; index++) {
                String id = requests.apply(index).id();
                threads.submit(() -> client.remove(id, Duration.ZERO));
            }
            return "runtime=" + runtime + " containers=" + count + " all_healthy_ms=" + elapsed;
        } finally {
            threads.shutdown();
            threads.awaitTermination(5, TimeUnit.MINUTES);
        }
    }

    private static ContainerRequest process(int count, int index) {
        return base("bench.web" + count + ".1." + index).run(Busybox.SERVE).toRequest();
    }

    private static ContainerRequest docker(int count, int index, String image) {
        return base("bench.api" + count + ".1." + index).image(image).run(BusyboxImage.SERVE).toRequest();
    }

    private static ContainerRequestBuilder base(String id) {
        return ContainerRequest.builder(id, "127.0.0.1").health(HEALTH);
    }
}
