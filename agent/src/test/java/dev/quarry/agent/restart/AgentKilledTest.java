package dev.quarry.agent.restart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.agent.client.AgentClient;
import dev.quarry.agent.client.AgentConnector;
import dev.quarry.agent.runtime.ContainerRequest;
import dev.quarry.agent.runtime.ContainerState;
import dev.quarry.agent.runtime.ContainerStatus;
import dev.quarry.agent.testing.AgentJvm;
import dev.quarry.agent.testing.Busybox;
import dev.quarry.agent.testing.Http;
import dev.quarry.agent.testing.Processes;
import dev.quarry.testsupport.LoopbackPorts;
import dev.quarry.testsupport.SshKeys;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real agent JVM killed with -9: its sandboxed process container (bwrap without --die-with-parent) keeps
 * serving, and the next agent on the same home adopts it by pid and can stop it.
 */
class AgentKilledTest {
    @TempDir
    Path temp;

    private final List<AgentJvm> agents = new ArrayList<>();
    private long container;

    @AfterEach
    void stopEverything() throws Exception {
        // SIGTERM lets the last agent close, removing its (by then empty) cgroups
        for (AgentJvm agent : agents) {
            agent.close();
        }
        if (container > 0 && Processes.isRunning(container)) {
            new ProcessBuilder("kill", "-s", "KILL", "--", "-" + container).start().waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void theSandboxedProcessOfAKilledAgentKeepsServingAndTheNextAgentAdoptsIt() throws Exception {
        Busybox.require();
        SshKeys.KeyFiles hqKey = SshKeys.ed25519(temp.resolve("keys"), "hq");
        Path home = temp.resolve("home");
        ContainerRequest request = ContainerRequest.builder("shop.web.1.1", "127.0.0.1").run(Busybox.SERVE)
                .port(LoopbackPorts.free()).toRequest();
        int firstPort = startAgent(home, hqKey, "first");
        ContainerStatus started;
        try (AgentConnector connector = connector(hqKey)) {
            AgentClient client = connector.client("127.0.0.1", firstPort);
            client.sendSource("shop", 1, Busybox.writeApp(temp.resolve("app"), "survivor"));
            started = client.start(request);
            container = Long.parseLong(started.handle());
            assertTrue(client.health(request.id()).healthy());
        }

        agents.getFirst().kill();

        assertTrue(Processes.isRunning(container), "the sandbox outlived its agent");
        assertEquals("survivor\n", Http.get("127.0.0.1", request.port(), "/"));
        int secondPort = startAgent(home, hqKey, "second");
        try (AgentConnector connector = connector(hqKey)) {
            AgentClient client = connector.client("127.0.0.1", secondPort);
            ContainerStatus found = client.list().containers().getFirst();
            assertEquals(List.of(started.handle(), ContainerState.RUNNING), List.of(found.handle(), found.state()));
            ContainerStatus stopped = client.stop(request.id(), Duration.ofSeconds(5)).status();
            assertEquals(ContainerState.STOPPED, stopped.state());
            assertFalse(Processes.isRunning(container), "the new agent stopped the adopted sandbox");
            assertTrue(client.remove(request.id(), Duration.ZERO).known());
        }
    }

    private int startAgent(Path home, SshKeys.KeyFiles hqKey, String name) throws Exception {
        AgentJvm agent = AgentJvm.start(home, hqKey, "unix://" + temp.resolve("no-docker.sock"), temp, name);
        agents.add(agent);
        return agent.port();
    }

    private AgentConnector connector(SshKeys.KeyFiles hqKey) {
        return AgentJvm.connector(hqKey, temp.resolve("known_hosts"));
    }
}
