package dev.quarry.agent.restart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.agent.docker.DockerClients;
import dev.quarry.agent.ports.PortRange;
import dev.quarry.agent.runtime.ContainerRequest;
import dev.quarry.agent.runtime.ContainerState;
import dev.quarry.agent.runtime.ContainerStatus;
import dev.quarry.agent.runtime.RuntimeFailure;
import dev.quarry.agent.supervise.Sleeper;
import dev.quarry.agent.testing.Busybox;
import dev.quarry.agent.testing.BusyboxImage;
import dev.quarry.agent.testing.Http;
import dev.quarry.agent.testing.Processes;
import dev.quarry.agent.testing.TestAgent;
import dev.quarry.testsupport.SshKeys;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A new agent on the same home finds what the last one ran, watches it again, and hands out no port it holds. */
class AgentRestartTest {
    private static final PortRange PORTS = new PortRange(21200, 21299);

    @TempDir
    Path temp;

    private SshKeys.KeyFiles hqKey;
    private String image;
    private TestAgent first;
    private TestAgent second;

    @BeforeEach
    void importImage() {
        Busybox.require();
        hqKey = SshKeys.ed25519(temp.resolve("keys"), "hq");
        image = BusyboxImage.importAs(DockerClients.DEFAULT_SOCKET, "restart-test");
    }

    @AfterEach
    void removeEverything() throws Exception {
        try {
            for (TestAgent agent : new TestAgent[] {second, first}) {
                if (agent != null) {
                    agent.close();
                }
            }
        } finally {
            try (var docker = DockerClients.open(DockerClients.DEFAULT_SOCKET)) {
                BusyboxImage.remove(docker, image);
            }
        }
    }

    @Test
    void theNextAgentListsWhatRunsAndKeepsItsPorts() {
        Path home = temp.resolve("home");
        first = TestAgent.start(home, hqKey, PORTS, Sleeper.SYSTEM);
        first.client().sendSource("shop", 1, Busybox.writeApp(temp.resolve("app"), "still here"));
        ContainerStatus process = first.client().start(ContainerRequest.builder("shop.web.1.1", "127.0.0.1")
                .run(Busybox.SERVE).toRequest());
        ContainerStatus docker = first.client().start(ContainerRequest.builder("shop.api.1.1", "127.0.0.1")
                .image(image).run(BusyboxImage.SERVE).toRequest());
        first.detach();

        second = TestAgent.start(home, hqKey, PORTS, Sleeper.SYSTEM);
        Map<String, ContainerStatus> found = second.client().list().containers().stream()
                .collect(Collectors.toMap(ContainerStatus::id, Function.identity()));
        ContainerStatus fresh = second.client().start(ContainerRequest.builder("shop.web.1.2", "127.0.0.1")
                .run(Busybox.SERVE).toRequest());

        assertEquals(Set.of("shop.web.1.1", "shop.api.1.1"), found.keySet());
        assertEquals(List.of(process.handle(), process.port(), ContainerState.RUNNING), summary(found.get("shop.web.1.1")));
        assertEquals(List.of(docker.handle(), docker.port(), ContainerState.RUNNING), summary(found.get("shop.api.1.1")));
        assertFalse(Set.of(process.port(), docker.port()).contains(fresh.port()), "a held port is not handed out");
        assertTrue(second.client().health("shop.web.1.1").healthy());
        assertEquals("still here\n", Http.get("127.0.0.1", process.port(), "/"));
        assertEquals(ContainerState.STOPPED, second.client().stop("shop.web.1.1", Duration.ofSeconds(2)).status().state());
        assertFalse(Processes.isRunning(Long.parseLong(process.handle())), "the new agent stopped the old process");
    }

    @Test
    void aSecondAgentOnTheSameHomeIsRefused() {
        Path home = temp.resolve("home");
        first = TestAgent.start(home, hqKey, PORTS, Sleeper.SYSTEM);

        RuntimeFailure refused = assertThrows(RuntimeFailure.class,
                () -> TestAgent.start(home, hqKey, PORTS, Sleeper.SYSTEM));

        assertEquals("another agent runs on " + home + "; stop it first, or give this one its own --home",
                refused.getMessage());
    }

    private static List<Object> summary(ContainerStatus status) {
        return List.of(status.handle(), status.port(), status.state());
    }
}
