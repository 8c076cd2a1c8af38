package dev.quarry.agent.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.model.Capability;
import dev.quarry.agent.health.HealthVerdict;
import dev.quarry.agent.home.AgentHome;
import dev.quarry.agent.runtime.ContainerRequest;
import dev.quarry.agent.runtime.ContainerState;
import dev.quarry.agent.runtime.ContainerStatus;
import dev.quarry.agent.runtime.RuntimeFailure;
import dev.quarry.agent.testing.BusyboxImage;
import dev.quarry.agent.testing.Http;
import dev.quarry.agent.testing.RecordingSleeper;
import dev.quarry.agent.testing.RuntimeFixture;
import dev.quarry.agent.testing.Waits;
import dev.quarry.compiler.spec.HealthSpec;
import dev.quarry.compiler.spec.RestartPolicy;
import dev.quarry.compiler.spec.RestartSpec;
import dev.quarry.compiler.spec.VolumeSpec;
import dev.quarry.testsupport.LoopbackPorts;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Docker runtime against the real daemon, with a busybox image imported here (no registry). */
class DockerRuntimeTest {
    private static final HealthSpec QUICK_HEALTH = new HealthSpec("/up", Duration.ofMillis(50), Duration.ofSeconds(2),
            Duration.ofSeconds(60));
    private static final String VOLUME = "data-" + UUID.randomUUID().toString().substring(0, 8);
    private static DockerClient docker;
    private static String image;

    @TempDir
    Path temp;

    private AgentHome home;
    private RecordingSleeper sleeper;
    private RuntimeFixture fixture;

    @BeforeAll
    static void importImage() {
        docker = DockerClients.open(DockerClients.DEFAULT_SOCKET);
        DockerClients.requireAnswer(docker, DockerClients.DEFAULT_SOCKET);
        image = BusyboxImage.importAs(DockerClients.DEFAULT_SOCKET, "runtime-test");
    }

    @AfterAll
    static void removeImageAndVolume() throws Exception {
        BusyboxImage.remove(docker, image);
        try {
            docker.removeVolumeCmd(DockerContainers.volumeName("shop", VOLUME)).exec();
        } catch (com.github.dockerjava.api.exception.NotFoundException e) {
            // the test did not get as far as making it
        }
        docker.close();
    }

    @BeforeEach
    void startRuntime() {
        home = new AgentHome(temp.resolve("home"));
        sleeper = new RecordingSleeper();
        fixture = new RuntimeFixture(home, new DockerLauncher(DockerClients.open(DockerClients.DEFAULT_SOCKET), home),
                sleeper);
    }

    @AfterEach
    void removeContainers() {
        fixture.close();
    }

    @Test
    void aBusyboxContainerServesOnTheHostNetworkAndBecomesHealthy() throws Exception {
        ContainerRequest request = ContainerRequest.builder("shop.web.1.1", "127.0.0.1").image(image)
                .run(BusyboxImage.SERVE).port(LoopbackPorts.free()).health(QUICK_HEALTH).memoryMebibytes(64)
                .cpuMillicores(500).volume(new VolumeSpec(VOLUME, "/data", false)).env("GREETING", "hi").toRequest();

        ContainerStatus started = fixture.runtime().start(request);
        HealthVerdict verdict = fixture.health(request);

        assertTrue(verdict.healthy(), verdict::toString);
        assertEquals("hello from the busybox image\n", Http.get("127.0.0.1", request.port(), "/"));
        InspectContainerResponse container = docker.inspectContainerCmd(started.handle()).exec();
        assertEquals("host", container.getHostConfig().getNetworkMode());
        assertEquals(64L * 1024 * 1024, container.getHostConfig().getMemory());
        assertEquals(500_000_000L, container.getHostConfig().getNanoCPUs());
        assertEquals(1024L, container.getHostConfig().getPidsLimit());
        assertEquals(List.of("no-new-privileges"), container.getHostConfig().getSecurityOpts());
        assertEquals(List.of(Capability.ALL), List.of(container.getHostConfig().getCapDrop()));
        assertEquals(7, container.getHostConfig().getCapAdd().length);
        assertEquals(Boolean.FALSE, container.getHostConfig().getPrivileged());
        assertEquals("", container.getConfig().getUser(), "the image's own user");
        assertEquals(List.of("quarry-shop-" + VOLUME), List.of(container.getHostConfig().getBinds()).stream()
                .map(bind -> bind.getPath()).toList(), "named volumes only: no host folder, no Docker socket");
        assertEquals("shop.web.1.1", container.getConfig().getLabels().get("dev.quarry.id"));
        assertTrue(List.of(container.getConfig().getEnv()).containsAll(List.of("HOST=127.0.0.1",
                "PORT=" + request.port(), "GREETING=hi")));
        assertEquals("quarry-shop-" + VOLUME, container.getMounts().getFirst().getName());
        assertEquals(started.handle(), fixture.runtime().start(request).handle(), "a second start is a no-op");
    }

    @Test
    void aContainerRunsWithoutNewPrivilegesAndOnlyTheKeptCapabilities() {
        ContainerRequest request = ContainerRequest.builder("shop.probe.1.1", "127.0.0.1").image(image)
                .run("grep -E '^(CapEff|NoNewPrivs)' /proc/self/status; mknod /tmp/disk b 8 0 || echo mknod refused;"
                        + " exec sleep 1000").port(LoopbackPorts.free()).toRequest();

        fixture.runtime().start(request);
        List<String> lines = Waits.until("the probe's output", () -> fixture.runtime().logs(request.id(), 10),
                output -> output.contains("mknod refused"));

        assertTrue(lines.contains("CapEff:\t00000000000004eb"), "chown, dac_override, fowner, kill, setgid, setuid,"
                + " net_bind_service only: " + lines);
        assertTrue(lines.contains("NoNewPrivs:\t1"), lines::toString);
    }

    @Test
    void stopIsIdempotent() {
        ContainerRequest request = ContainerRequest.builder("shop.web.1.1", "127.0.0.1").image(image)
                .run(BusyboxImage.SERVE).port(LoopbackPorts.free()).toRequest();
        fixture.runtime().start(request);

        ContainerStatus stopped = fixture.runtime().stop(request.id(), Duration.ofSeconds(5)).orElseThrow();
        ContainerStatus again = fixture.runtime().stop(request.id(), Duration.ofSeconds(5)).orElseThrow();

        assertEquals(ContainerState.STOPPED, stopped.state());
        assertEquals(ContainerState.STOPPED, again.state());
        assertTrue(fixture.runtime().start(request).state() == ContainerState.RUNNING, "it starts again");
    }

    @Test
    void aCrashingContainerIsRestartedWithBackoffAndCounted() {
        RestartSpec restart = new RestartSpec(RestartPolicy.ON_FAILURE, 2, Duration.ofMillis(100));
        ContainerRequest request = ContainerRequest.builder("shop.crash.1.1", "127.0.0.1").image(image)
                .run("echo crashing; exit 7").port(LoopbackPorts.free()).restart(restart).toRequest();

        fixture.runtime().start(request);
        ContainerStatus ended = fixture.awaitState(request.id(), ContainerState.EXITED);

        assertEquals(2, ended.restarts());
        assertEquals(7, ended.exitCode());
        assertEquals(List.of(Duration.ofMillis(100), Duration.ofMillis(200)), sleeper.waits());
        assertTrue(fixture.runtime().logs(request.id(), 10).contains("crashing"));
    }

    @Test
    void anImageThatCannotBePulledFailsInOneLine() {
        ContainerRequest request = ContainerRequest.builder("shop.web.1.1", "127.0.0.1")
                .image("quarry-test/absent:1").port(LoopbackPorts.free()).toRequest();

        RuntimeFailure failure = assertThrows(RuntimeFailure.class, () -> fixture.runtime().start(request));

        assertTrue(failure.getMessage().startsWith("cannot pull image quarry-test/absent:1 on this server: "),
                failure.getMessage());
        assertEquals(1, failure.getMessage().lines().count());
    }
}
