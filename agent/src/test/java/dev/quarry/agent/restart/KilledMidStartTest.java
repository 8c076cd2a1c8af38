package dev.quarry.agent.restart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import dev.quarry.agent.client.AgentClient;
import dev.quarry.agent.client.AgentConnector;
import dev.quarry.agent.docker.DockerClients;
import dev.quarry.agent.protocol.AgentJson;
import dev.quarry.agent.runtime.ContainerRequest;
import dev.quarry.agent.runtime.ContainerState;
import dev.quarry.agent.runtime.ContainerStatus;
import dev.quarry.agent.state.AgentState;
import dev.quarry.agent.state.RecordedContainer;
import dev.quarry.agent.testing.AgentJvm;
import dev.quarry.agent.testing.Busybox;
import dev.quarry.agent.testing.BusyboxImage;
import dev.quarry.agent.testing.Http;
import dev.quarry.agent.testing.Processes;
import dev.quarry.agent.testing.Waits;
import dev.quarry.testsupport.LoopbackPorts;
import dev.quarry.testsupport.SshKeys;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real agent JVM killed with -9 in the middle of a start: after it launched a container but before it wrote
 * the container's pid down (the state file then holds only what a start writes before it launches), and while
 * the container's build runs. The next agent on the same home adopts what runs — the same pid, found by its
 * cgroup, or the same Docker container, found by its labels — never starts a second copy, kills the build the
 * dead agent left, and a remove really stops what it adopted.
 */
class KilledMidStartTest {
    @TempDir
    Path temp;

    private SshKeys.KeyFiles hqKey;
    private Path home;
    private final List<AgentJvm> agents = new ArrayList<>();
    private final List<Long> groups = new ArrayList<>();
    private final List<Thread> calls = new ArrayList<>();
    private String image;

    @BeforeEach
    void keys() {
        Busybox.require();
        hqKey = SshKeys.ed25519(temp.resolve("keys"), "hq");
        home = temp.resolve("home");
    }

    @AfterEach
    void stopEverything() throws Exception {
        for (AgentJvm agent : agents.reversed()) {
            agent.close();
        }
        for (Thread call : calls) {
            call.join(Duration.ofSeconds(30));
        }
        for (long group : groups) {
            if (Processes.isRunning(group)) {
                new ProcessBuilder("kill", "-s", "KILL", "--", "-" + group).start().waitFor(10, TimeUnit.SECONDS);
            }
        }
        if (image != null) {
            try (DockerClient docker = DockerClients.open(DockerClients.DEFAULT_SOCKET)) {
                removeContainer(docker, dockerName("shop.api.1.1"));
                BusyboxImage.remove(docker, image);
            }
        }
    }

    @Test
    void aProcessWhosePidWasNeverWrittenIsFoundByItsCgroupAndAdopted() throws Exception {
        ContainerRequest request = ContainerRequest.builder("shop.web.1.1", "127.0.0.1").run(Busybox.SERVE)
                .port(LoopbackPorts.free()).toRequest();
        AgentJvm first = agent("first");
        ContainerStatus started;
        try (AgentConnector connector = connector()) {
            AgentClient client = connector.client("127.0.0.1", first.port());
            client.sendSource("shop", 1, Busybox.writeApp(temp.resolve("app"), "survivor"));
            started = client.start(request);
            groups.add(Long.parseLong(started.handle()));
            assertTrue(client.health(request.id()).healthy());
        }
        first.kill();
        leaveAsIfKilledWhileLaunching(request.id());

        AgentJvm second = agent("second");
        try (AgentConnector connector = connector()) {
            AgentClient client = connector.client("127.0.0.1", second.port());
            ContainerStatus found = client.list().containers().getFirst();
            ContainerStatus retried = client.start(request);

            assertEquals(Arrays.asList(started.handle(), ContainerState.RUNNING, 0),
                    Arrays.asList(found.handle(), found.state(), found.restarts()), "adopted, not started again");
            assertEquals(started.handle(), retried.handle(), "HQ's retried start answers the adopted container");
            assertEquals(1, sandboxesIn(home.resolve("sources/shop/1")), "one copy runs");
            assertEquals("survivor\n", Http.get("127.0.0.1", request.port(), "/"));
            assertTrue(client.remove(request.id(), Duration.ofSeconds(5)).known());
            assertFalse(Processes.isRunning(Long.parseLong(started.handle())), "the remove stopped the adopted one");
            assertTrue(refuses(request.port()), "nothing serves on its port after the remove");
        }
    }

    @Test
    void aDockerContainerWhoseStartWasNeverWrittenIsFoundByItsLabelsAndRemoved() throws Exception {
        image = BusyboxImage.importAs(DockerClients.DEFAULT_SOCKET, "killed-mid-start");
        ContainerRequest request = ContainerRequest.builder("shop.api.1.1", "127.0.0.1").image(image)
                .run(BusyboxImage.SERVE).port(LoopbackPorts.free()).toRequest();
        AgentJvm first = agent("first");
        ContainerStatus started;
        try (AgentConnector connector = connector()) {
            AgentClient client = connector.client("127.0.0.1", first.port());
            started = client.start(request);
            assertTrue(client.health(request.id()).healthy());
        }
        first.kill();
        leaveAsIfKilledWhileLaunching(request.id());

        AgentJvm second = agent("second");
        try (AgentConnector connector = connector(); DockerClient docker = DockerClients.open(DockerClients.DEFAULT_SOCKET)) {
            AgentClient client = connector.client("127.0.0.1", second.port());
            ContainerStatus found = client.list().containers().getFirst();
            ContainerStatus retried = client.start(request);

            assertEquals(Arrays.asList(started.handle(), ContainerState.RUNNING, 0),
                    Arrays.asList(found.handle(), found.state(), found.restarts()), "adopted, not started again");
            assertEquals(started.handle(), retried.handle());
            assertTrue(client.remove(request.id(), Duration.ofSeconds(5)).known());
            assertThrows(NotFoundException.class, () -> docker.inspectContainerCmd(started.handle()).exec(),
                    "the remove deleted the adopted Docker container");
            assertTrue(refuses(request.port()), "nothing serves on its port after the remove");
        }
    }

    @Test
    void anAgentKilledWhileAContainersBuildRunsLeavesTheNextOneToFinishTheStartOnce() throws Exception {
        ContainerRequest request = ContainerRequest.builder("shop.web.1.1", "127.0.0.1").run(Busybox.SERVE)
                .build("echo step-$((1+1)); while [ ! -e go ]; do sleep 0.1; done").port(LoopbackPorts.free()).toRequest();
        Path source = home.resolve("sources/shop/1");
        AgentJvm first = agent("first");
        try (AgentConnector connector = connector()) {
            AgentClient client = connector.client("127.0.0.1", first.port());
            client.sendSource("shop", 1, Busybox.writeApp(temp.resolve("app"), "built once"));
            calls.add(Thread.ofPlatform().start(() -> startAndLoseTheAnswer(client, request)));
            Waits.until("the build to run", () -> read(home.resolve("builds/shop/web/1.log")),
                    log -> log.contains("step-2"));  // its output, not the command line heading the log
            RecordedContainer launching = state().containers().get(request.id());
            assertEquals(ContainerState.RESTARTING, launching.state(), "written down before it launches");
            assertNull(launching.handle());
            List<Long> build = outerSandboxes(source);
            assertEquals(1, build.size(), "the build's sandbox runs; its log: " + read(home.resolve("builds/shop/web/1.log")));
            first.kill();
            assertTrue(Processes.isRunning(build.getFirst()), "the build outlived its agent");
            groups.add(build.getFirst());

            AgentJvm second = agent("second");
            assertFalse(Processes.isRunning(build.getFirst()), "the next agent killed the dead one's build");
            Files.writeString(source.resolve("go"), "");
            try (AgentConnector again = connector()) {
                AgentClient next = again.client("127.0.0.1", second.port());
                ContainerStatus running = Waits.until("the next agent to start it by its restart policy",
                        () -> next.list().containers(), found -> found.size() == 1
                                && found.getFirst().state() == ContainerState.RUNNING).getFirst();
                groups.add(Long.parseLong(running.handle()));
                assertTrue(next.health(request.id()).healthy());
                assertEquals(running.handle(), next.start(request).handle(), "HQ's retried start: no second copy");
                assertEquals(1, sandboxesIn(source), "one copy runs");
                assertEquals("built once\n", Http.get("127.0.0.1", request.port(), "/"));
                assertTrue(next.remove(request.id(), Duration.ofSeconds(5)).known());
                assertEquals(0, sandboxesIn(source), "the remove stopped it");
            }
        }
    }

    private static void startAndLoseTheAnswer(AgentClient client, ContainerRequest request) {
        try {
            client.start(request);
        } catch (RuntimeException e) {
            // the agent was killed under it, as the test wants
        }
    }

    /** The state file as a start leaves it when its agent dies after launching, before the pid is written. */
    private void leaveAsIfKilledWhileLaunching(String id) throws IOException {
        AgentState state = state();
        RecordedContainer recorded = state.containers().get(id);
        RecordedContainer launching = new RecordedContainer(recorded.request(), ContainerState.RESTARTING, null, null,
                0, null);
        Files.write(home.resolve("state.json"), AgentJson.mapper().writeValueAsBytes(state.withContainer(id, launching)));
    }

    private AgentState state() throws IOException {
        return AgentJson.mapper().readValue(home.resolve("state.json").toFile(), AgentState.class);
    }

    /** How many sandboxes run over {@code source}: their outer bwrap's working folder is it. */
    private static int sandboxesIn(Path source) throws IOException {
        return outerSandboxes(source).size();
    }

    private static List<Long> outerSandboxes(Path source) throws IOException {
        List<Long> found = new ArrayList<>();
        try (DirectoryStream<Path> processes = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
            for (Path process : processes) {
                try {
                    long pid = Long.parseLong(process.getFileName().toString());
                    if (Files.readSymbolicLink(process.resolve("cwd")).equals(source.toRealPath())
                            && Processes.isRunning(pid) && leadsItsGroup(process)) {
                        found.add(pid);
                    }
                } catch (IOException e) {
                    // ended meanwhile
                }
            }
        }
        return found;
    }

    private static boolean leadsItsGroup(Path process) throws IOException {
        String stat = Files.readString(process.resolve("stat"), StandardCharsets.ISO_8859_1);
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ", 4);
        return fields[2].equals(process.getFileName().toString());
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "";
        }
    }

    private static boolean refuses(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 2000);
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    private String dockerName(String id) {
        return "quarry-" + read(home.resolve("agent-id")).strip() + "-" + id;
    }

    private static void removeContainer(DockerClient docker, String name) {
        try {
            docker.removeContainerCmd(name).withForce(true).exec();
        } catch (NotFoundException e) {
            // removed by the test already
        }
    }

    private AgentJvm agent(String name) throws IOException {
        AgentJvm agent = AgentJvm.start(home, hqKey, DockerClients.DEFAULT_SOCKET, temp, name);
        agents.add(agent);
        return agent;
    }

    private AgentConnector connector() {
        return AgentJvm.connector(hqKey, temp.resolve("known_hosts"));
    }
}
