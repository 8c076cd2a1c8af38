package dev.quarry.agent.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.agent.health.HealthVerdict;
import dev.quarry.agent.home.AgentHome;
import dev.quarry.agent.runtime.ContainerRequest;
import dev.quarry.agent.runtime.ContainerRequestBuilder;
import dev.quarry.agent.runtime.ContainerState;
import dev.quarry.agent.runtime.ContainerStatus;
import dev.quarry.agent.testing.Busybox;
import dev.quarry.agent.testing.Http;
import dev.quarry.agent.testing.Processes;
import dev.quarry.agent.testing.RecordingSleeper;
import dev.quarry.agent.testing.RuntimeFixture;
import dev.quarry.agent.testing.Waits;
import dev.quarry.compiler.spec.HealthSpec;
import dev.quarry.compiler.spec.RestartPolicy;
import dev.quarry.compiler.spec.RestartSpec;
import dev.quarry.testsupport.LoopbackPorts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The process runtime with real processes: busybox httpd serving, signals, restarts by policy. */
class ProcessRuntimeTest {
    private static final HealthSpec QUICK_HEALTH = new HealthSpec("/up", Duration.ofMillis(50), Duration.ofSeconds(2),
            Duration.ofSeconds(60));

    @TempDir
    Path temp;

    private AgentHome home;
    private RecordingSleeper sleeper;
    private RuntimeFixture fixture;

    @BeforeEach
    void startRuntime() {
        Busybox.require();
        home = new AgentHome(temp.resolve("home"));
        sleeper = new RecordingSleeper();
        fixture = new RuntimeFixture(home, new ProcessLauncher(home, Path.of("/sys/fs/cgroup"), LogFile.DEFAULT_CAP),
                sleeper);
        Busybox.writeApp(home.source("shop", 1), "hello from a process");
    }

    @AfterEach
    void removeContainers() {
        fixture.close();
    }

    private static ContainerRequestBuilder request(String id, String run) {
        return ContainerRequest.builder(id, "127.0.0.1").run(run).port(LoopbackPorts.free());
    }

    @Test
    void busyboxHttpdServesAndBecomesHealthy() throws Exception {
        ContainerRequest request = request("shop.web.1.1", Busybox.SERVE).health(QUICK_HEALTH).toRequest();

        ContainerStatus started = fixture.runtime().start(request);
        HealthVerdict verdict = fixture.health(request);

        assertEquals(ContainerState.RUNNING, started.state());
        assertTrue(verdict.healthy(), verdict::toString);
        assertEquals("hello from a process\n", Http.get("127.0.0.1", request.port(), "/"));
        assertEquals(started.handle(), fixture.runtime().start(request).handle(), "a second start is a no-op");
    }

    @Test
    void withoutHealthItIsHealthyOnceThePortAcceptsConnections() throws Exception {
        ContainerRequest request = request("shop.web.1.1", "sleep 1; " + Busybox.SERVE).toRequest();

        fixture.runtime().start(request);
        HealthVerdict verdict = fixture.health(request);

        assertTrue(verdict.healthy(), verdict::toString);
        assertTrue(verdict.reason().contains("accepts connections"), verdict.reason());
    }

    @Test
    void stopIsIdempotentAndKillsAProcessThatIgnoresTerm() {
        ContainerRequest request = request("shop.stubborn.1.1", "trap '' TERM; sleep 1000").toRequest();
        ContainerStatus started = fixture.runtime().start(request);
        ProcessHandle leader = ProcessHandle.of(Long.parseLong(started.handle())).orElseThrow();
        List<ProcessHandle> children = Waits.until("the sleep child", () -> leader.children().toList(),
                list -> !list.isEmpty());

        ContainerStatus stopped = fixture.runtime().stop(request.id(), Duration.ofMillis(300)).orElseThrow();
        ContainerStatus again = fixture.runtime().stop(request.id(), Duration.ofMillis(300)).orElseThrow();

        assertEquals(ContainerState.STOPPED, stopped.state());
        assertEquals(ContainerState.STOPPED, again.state());
        assertFalse(Processes.isRunning(leader.pid()), "the shell that ignored SIGTERM was killed");
        assertTrue(children.stream().noneMatch(child -> Processes.isRunning(child.pid())), "its sleep was killed too");
        assertTrue(fixture.runtime().stop("shop.absent.1.1", Duration.ZERO).isEmpty(), "an unknown id is fine");
    }

    @Test
    void aCrashingContainerIsRestartedWithDoublingBackoffUntilMax() {
        RestartSpec restart = new RestartSpec(RestartPolicy.ON_FAILURE, 3, Duration.ofMillis(100));
        ContainerRequest request = request("shop.crash.1.1", "echo crashing; exit 3").restart(restart).toRequest();

        fixture.runtime().start(request);
        ContainerStatus ended = fixture.awaitState(request.id(), ContainerState.EXITED);

        assertEquals(3, ended.restarts());
        assertEquals(3, ended.exitCode());
        assertEquals(List.of(Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(400)), sleeper.waits());
        assertTrue(ended.notes().stream().anyMatch(note -> note.contains("gave up after 3 restarts")), ended::toString);
        assertEquals(4, fixture.runtime().logs(request.id(), 100).stream().filter("crashing"::equals).count());
        assertEquals(3, fixture.runtime().list().getFirst().restarts(), "list shows the restart count");
    }

    @Test
    void neverPolicyIsNotRestarted() {
        RestartSpec never = new RestartSpec(RestartPolicy.NEVER, 0, Duration.ofMillis(100));
        ContainerRequest request = request("shop.once.1.1", "exit 1").restart(never).toRequest();

        fixture.runtime().start(request);
        ContainerStatus ended = fixture.awaitState(request.id(), ContainerState.EXITED);

        assertEquals(0, ended.restarts());
        assertEquals(1, ended.exitCode());
        assertEquals(List.of(), sleeper.waits());
    }

    @Test
    void onFailureLeavesACleanExitAlone() {
        RestartSpec onFailure = new RestartSpec(RestartPolicy.ON_FAILURE, 0, Duration.ofMillis(100));
        ContainerRequest request = request("shop.job.1.1", "exit 0").restart(onFailure).toRequest();

        fixture.runtime().start(request);
        ContainerStatus ended = fixture.awaitState(request.id(), ContainerState.EXITED);

        assertEquals(0, ended.restarts());
        assertEquals(0, ended.exitCode());
    }

    @Test
    void alwaysRestartsAKilledServerWhichServesAgain() throws Exception {
        RestartSpec always = new RestartSpec(RestartPolicy.ALWAYS, 0, Duration.ofMillis(100));
        ContainerRequest request = request("shop.web.1.1", Busybox.SERVE).health(QUICK_HEALTH).restart(always)
                .toRequest();
        ContainerStatus first = fixture.runtime().start(request);

        ProcessHandle.of(Long.parseLong(first.handle())).orElseThrow().destroyForcibly();
        ContainerStatus second = Waits.until("a restart", () -> fixture.status(request.id()),
                status -> status.restarts() == 1 && status.state() == ContainerState.RUNNING);

        assertNotEquals(first.handle(), second.handle());
        assertTrue(fixture.health(request).healthy());
        assertEquals(List.of(Duration.ofMillis(100)), sleeper.waits());
    }

    @Test
    void buildCommandsRunOncePerReleaseBeforeTheFirstStart() throws Exception {
        ContainerRequest first = request("shop.web.1.1", Busybox.SERVE).build("echo built >> built.txt").toRequest();
        ContainerRequest second = request("shop.web.1.2", Busybox.SERVE).build("echo built >> built.txt").toRequest();

        fixture.runtime().start(first);
        fixture.runtime().start(second);

        assertEquals(List.of("built"), Files.readAllLines(home.source("shop", 1).resolve("built.txt")));
    }
}
