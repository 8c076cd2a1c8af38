package dev.quarry.agent.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import dev.quarry.agent.hook.HookRequest;
import dev.quarry.agent.hook.HookResult;
import dev.quarry.agent.home.AgentHome;
import dev.quarry.agent.runtime.BuildOutcome;
import dev.quarry.agent.runtime.ContainerRequest;
import dev.quarry.agent.runtime.PrepareRequest;
import dev.quarry.agent.testing.BusyboxImage;
import dev.quarry.agent.testing.Http;
import dev.quarry.agent.testing.RecordingSleeper;
import dev.quarry.agent.testing.RuntimeFixture;
import dev.quarry.testsupport.LoopbackPorts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A docker node's release: its image built from the release's Dockerfile once, and its hook run in that image. */
class DockerReleaseTest {
    @TempDir
    Path temp;

    private final String stack = "build-" + UUID.randomUUID().toString().substring(0, 8);
    private DockerClient docker;
    private String base;
    private AgentHome home;
    private RuntimeFixture fixture;

    @BeforeEach
    void writeRelease() throws Exception {
        docker = DockerClients.open(DockerClients.DEFAULT_SOCKET);
        DockerClients.requireAnswer(docker, DockerClients.DEFAULT_SOCKET);
        base = BusyboxImage.importAs(DockerClients.DEFAULT_SOCKET, "release-test");
        home = new AgentHome(temp.resolve("home"));
        Path source = Files.createDirectories(home.source(stack, 1).resolve("site"));
        Files.writeString(source.resolve("index.html"), "built from a Dockerfile\n");
        Files.writeString(home.source(stack, 1).resolve("Dockerfile"), "FROM " + base + "\nCOPY site /site\n");
        fixture = new RuntimeFixture(home, new DockerLauncher(DockerClients.open(DockerClients.DEFAULT_SOCKET), home),
                new RecordingSleeper());
    }

    @AfterEach
    void removeEverything() throws Exception {
        try {
            fixture.close();
        } finally {
            removeImage("quarry/" + stack + "-web:1");
            BusyboxImage.remove(docker, base);
            docker.close();
        }
    }

    @Test
    void theImageIsBuiltOncePerReleaseAndServes() throws Exception {
        PrepareRequest prepare = new PrepareRequest(stack, "web", 1, null, null, "Dockerfile", List.of(), Map.of());
        List<String> lines = new CopyOnWriteArrayList<>();
        BuildOutcome first = fixture.runtime().prepare(prepare, lines::add);
        assertTrue(first.built(), "built now");
        assertTrue(lines.stream().anyMatch(line -> line.contains("COPY site /site")), "streamed: " + lines);
        String built = docker.inspectImageCmd("quarry/" + stack + "-web:1").exec().getId();
        ContainerRequest request = ContainerRequest.builder(stack + ".web.1.1", "127.0.0.1").dockerfile("Dockerfile")
                .run("exec httpd -f -p $HOST:$PORT -h /site").port(LoopbackPorts.free()).toRequest();

        BuildOutcome again = fixture.runtime().prepare(prepare, lines::add);
        fixture.runtime().start(request);

        assertFalse(again.built(), "the image is there");

        assertEquals(built, docker.inspectImageCmd("quarry/" + stack + "-web:1").exec().getId(), "not built again");
        assertTrue(fixture.health(request).healthy());
        assertEquals("built from a Dockerfile\n", Http.get("127.0.0.1", request.port(), "/"));
    }

    @Test
    void aHookRunsInTheReleaseImageAndLeavesNoContainer() {
        PrepareRequest prepare = new PrepareRequest(stack, "web", 1, null, null, "Dockerfile", List.of(), Map.of());
        HookRequest hook = new HookRequest("release", prepare, "cat /site/index.html; echo on $HOST; exit 3",
                Map.of(), "127.0.0.1", Duration.ofMinutes(1));

        HookResult result = fixture.runtime().runHook(hook);

        assertEquals(3, result.exitCode());
        assertEquals(List.of("built from a Dockerfile", "on 127.0.0.1"), result.output());
        assertEquals(List.of(), docker.listContainersCmd().withShowAll(true)
                .withLabelFilter(Map.of("dev.quarry.agent", home.agentId())).exec());
    }

    private void removeImage(String reference) {
        try {
            docker.removeImageCmd(reference).withForce(true).exec();
        } catch (NotFoundException e) {
            // not built
        }
    }
}
