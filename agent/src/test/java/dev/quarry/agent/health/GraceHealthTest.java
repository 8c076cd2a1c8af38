package dev.quarry.agent.health;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.agent.client.AgentClient;
import dev.quarry.agent.ports.PortRange;
import dev.quarry.agent.runtime.ContainerRequest;
import dev.quarry.agent.supervise.Sleeper;
import dev.quarry.agent.testing.Busybox;
import dev.quarry.agent.testing.TestAgent;
import dev.quarry.compiler.spec.HealthSpec;
import dev.quarry.compiler.spec.RestartPolicy;
import dev.quarry.compiler.spec.RestartSpec;
import dev.quarry.testsupport.SshKeys;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A container that listens on no port (a worker) is ready once it has run its grace without exiting. */
class GraceHealthTest {
    private static final PortRange PORTS = new PortRange(21200, 21249);

    @TempDir
    Path temp;

    private TestAgent agent;
    private AgentClient client;

    @BeforeEach
    void startAgent() {
        Busybox.require();
        agent = TestAgent.start(temp.resolve("home"), SshKeys.ed25519(temp.resolve("keys"), "hq"), PORTS,
                Sleeper.SYSTEM);
        client = agent.client();
        client.sendSource("shop", 1, Busybox.writeApp(temp.resolve("app"), "worker"));
    }

    @AfterEach
    void stopAgent() {
        agent.close();
    }

    @Test
    void aWorkerThatListensOnNothingIsHealthyAfterItsGrace() {
        ContainerRequest request = ContainerRequest.builder("shop.worker.1.1", "127.0.0.1")
                .run("echo working; exec sleep 1000")
                .health(HealthSpec.graceOnly(Duration.ofMillis(500), Duration.ofSeconds(30))).toRequest();

        client.start(request);
        HealthVerdict verdict = client.health(request.id());
        client.remove(request.id(), Duration.ZERO);

        assertTrue(verdict.healthy(), verdict.toString());
        assertTrue(verdict.reason().contains("without exiting (grace 500 ms)"), verdict.reason());
    }

    @Test
    void aWorkerThatExitsWithinItsGraceIsNotHealthy() {
        ContainerRequest request = ContainerRequest.builder("shop.worker.1.2", "127.0.0.1")
                .run("echo giving up; sleep 0.2; exit 3")
                .restart(new RestartSpec(RestartPolicy.NEVER, 0, Duration.ofMillis(100)))
                .health(HealthSpec.graceOnly(Duration.ofSeconds(5), Duration.ofSeconds(30))).toRequest();

        client.start(request);
        HealthVerdict verdict = client.health(request.id());
        client.remove(request.id(), Duration.ZERO);

        assertFalse(verdict.healthy(), verdict.toString());
        assertTrue(verdict.ended(), verdict.toString());
        assertTrue(verdict.reason().startsWith("it is exited (exit status 3)"), verdict.reason());
        assertTrue(verdict.logs().contains("giving up"), verdict.logs().toString());
    }
}
