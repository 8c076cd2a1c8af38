package dev.quarry.agent.liveness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.agent.health.HealthVerdict;
import dev.quarry.agent.home.AgentHome;
import dev.quarry.agent.process.LogFile;
import dev.quarry.agent.process.ProcessLauncher;
import dev.quarry.agent.runtime.ContainerPhase;
import dev.quarry.agent.runtime.ContainerRequest;
import dev.quarry.agent.runtime.ContainerStatus;
import dev.quarry.agent.testing.Busybox;
import dev.quarry.agent.testing.Http;
import dev.quarry.agent.testing.RecordingSleeper;
import dev.quarry.agent.testing.RuntimeFixture;
import dev.quarry.agent.testing.Waits;
import dev.quarry.compiler.spec.HealthSpec;
import dev.quarry.compiler.spec.LivenessSpec;
import dev.quarry.compiler.spec.RestartPolicy;
import dev.quarry.compiler.spec.RestartSpec;
import dev.quarry.testsupport.LoopbackPorts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real sandboxed busybox httpd apps whose health CGI answers 200, or 500 while the release holds a file
 * {@code bad}, or never answers while it holds {@code hang}: the agent's liveness monitor finds them
 * unhealthy, restarts them by their policy and shows why.
 */
class ProcessLivenessTest {
    private static final String ID = "shop.web.1.1";
    private static final HealthSpec HEALTH = new HealthSpec("/cgi-bin/up", Duration.ofMillis(100),
            Duration.ofSeconds(2), Duration.ofSeconds(60));
    private static final LivenessSpec LIVENESS = new LivenessSpec(null, Duration.ofMillis(200),
            Duration.ofMillis(500), 2);
    private static final String UP_SCRIPT = """
            #!/bin/sh
            if [ -e /app/hang ]; then sleep 1000; fi
            if [ -e /app/bad ]; then printf 'Status: 500 Internal Server Error\\r\\n\\r\\nbad\\n'; exit 0; fi
            printf 'Content-Type: text/plain\\r\\n\\r\\nok\\n'
            """;

    @TempDir
    Path temp;

    private AgentHome home;
    private RuntimeFixture fixture;
    private Path source;

    @BeforeEach
    void startRuntime() throws Exception {
        Busybox.require();
        home = new AgentHome(temp.resolve("home"));
        fixture = new RuntimeFixture(home, new ProcessLauncher(home, Path.of("/sys/fs/cgroup"), LogFile.DEFAULT_CAP),
                new RecordingSleeper());
        source = Busybox.writeApp(home.source("shop", 1), "hello");
        Path script = source.resolve("www/cgi-bin/up");
        Files.createDirectories(script.getParent());
        Files.writeString(script, UP_SCRIPT);
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    @AfterEach
    void removeContainers() {
        fixture.close();
    }

    private ContainerRequest request(RestartSpec restart) {
        return ContainerRequest.builder(ID, "127.0.0.1").run(Busybox.SERVE).port(LoopbackPorts.free())
                .health(HEALTH).liveness(LIVENESS).restart(restart).toRequest();
    }

    private ContainerStatus awaitPhase(ContainerPhase phase) {
        return Waits.until(ID + " to be " + phase, () -> fixture.status(ID), status -> status.phase() == phase);
    }

    @Test
    void anAppAnswering500IsUnhealthyThenRestartedAndUpAgainOnlyOnceItPasses() throws Exception {
        ContainerRequest request = request(RestartSpec.DEFAULT);
        fixture.runtime().start(request);
        HealthVerdict verdict = fixture.health(request);
        assertTrue(verdict.healthy(), verdict::toString);
        assertEquals(ContainerPhase.UP, fixture.status(ID).phase(), "a passed health check makes it up at once");

        Files.writeString(source.resolve("bad"), "");
        ContainerStatus unhealthy = awaitPhase(ContainerPhase.UNHEALTHY);
        ContainerStatus restarted = Waits.until(ID + " to be restarted", () -> fixture.status(ID),
                status -> status.restarts() >= 1);
        ContainerStatus warming = awaitPhase(ContainerPhase.WARMING);
        Files.delete(source.resolve("bad"));
        ContainerStatus up = awaitPhase(ContainerPhase.UP);

        assertTrue(unhealthy.reason().startsWith("failed its liveness probe (GET /cgi-bin/up) 2 times in a row; last: GET"),
                unhealthy.reason());
        assertTrue(unhealthy.reason().endsWith("HTTP 500"), unhealthy.reason());
        assertTrue(unhealthy.liveness().recent().stream().anyMatch(probe -> !probe.passed()
                && probe.answer().endsWith("HTTP 500")), unhealthy.liveness().toString());
        assertTrue(restarted.reason().startsWith("stopped: failed its liveness probe"), restarted.reason());
        assertTrue(restarted.reason().contains("; restart 1 in a row after"), restarted.reason());
        assertTrue(warming.restarts() >= 1);
        assertEquals("hello\n", Http.get("127.0.0.1", request.port(), "/"));
        assertTrue(up.liveness().recent().getLast().passed(), up.liveness().toString());
    }

    @Test
    void aHungAppThatAcceptsButNeverAnswersIsRestarted() throws Exception {
        ContainerRequest request = request(RestartSpec.DEFAULT);
        fixture.runtime().start(request);
        assertTrue(fixture.health(request).healthy());
        String firstHandle = fixture.status(ID).handle();

        Files.writeString(source.resolve("hang"), "");
        ContainerStatus unhealthy = awaitPhase(ContainerPhase.UNHEALTHY);
        Waits.until(ID + " to be restarted", () -> fixture.status(ID), status -> status.restarts() >= 1);
        Files.delete(source.resolve("hang"));
        ContainerStatus up = awaitPhase(ContainerPhase.UP);

        assertTrue(unhealthy.reason().endsWith("no answer within 500 ms"), unhealthy.reason());
        assertTrue(!firstHandle.equals(up.handle()), "a new instance runs");
    }

    @Test
    void anAppFlappingPastItsRestartMaxEndsFailed() throws Exception {
        Files.writeString(source.resolve("bad"), "");
        ContainerRequest request = ContainerRequest.builder(ID, "127.0.0.1").run(Busybox.SERVE)
                .port(LoopbackPorts.free()).liveness(LIVENESS)
                .health(new HealthSpec("/cgi-bin/up", Duration.ofMillis(100), Duration.ofSeconds(2),
                        Duration.ofSeconds(1)))
                .restart(new RestartSpec(RestartPolicy.ON_FAILURE, 1, Duration.ofMillis(100))).toRequest();

        fixture.runtime().start(request);
        ContainerStatus failed = awaitPhase(ContainerPhase.FAILED);

        assertEquals(1, failed.restarts());
        assertTrue(failed.reason().startsWith("stopped: not healthy within 1000 ms of its start"), failed.reason());
        assertTrue(failed.reason().endsWith("; gave up after 1 restarts in a row (restart max 1)"), failed.reason());
    }
}
