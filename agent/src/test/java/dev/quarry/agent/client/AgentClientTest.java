package dev.quarry.agent.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.agent.health.HealthVerdict;
import dev.quarry.agent.hook.HookRequest;
import dev.quarry.agent.hook.HookResult;
import dev.quarry.agent.ports.PortRange;
import dev.quarry.agent.protocol.Answers;
import dev.quarry.agent.protocol.OneOffRequest;
import dev.quarry.agent.runtime.ContainerRequest;
import dev.quarry.agent.runtime.ContainerState;
import dev.quarry.agent.runtime.ContainerStatus;
import dev.quarry.agent.runtime.PrepareRequest;
import dev.quarry.agent.source.ReceivedSource;
import dev.quarry.agent.supervise.Sleeper;
import dev.quarry.agent.testing.Busybox;
import dev.quarry.agent.testing.Http;
import dev.quarry.agent.testing.TestAgent;
import dev.quarry.compiler.spec.HealthSpec;
import dev.quarry.compiler.spec.RestartPolicy;
import dev.quarry.compiler.spec.RestartSpec;
import dev.quarry.testsupport.LoopbackPorts;
import dev.quarry.testsupport.SshKeys;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** HQ's side: AgentClient drives a real agent over SSH, end to end, with a busybox app as the release. */
class AgentClientTest {
    private static final PortRange PORTS = new PortRange(21100, 21199);

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
    }

    @AfterEach
    void stopAgent() {
        agent.close();
    }

    @Test
    void startListHealthLogsStopAndRemove() {
        ReceivedSource received = client.sendSource("shop", 1, Busybox.writeApp(temp.resolve("app"), "via ssh"));
        ContainerRequest request = ContainerRequest.builder("shop.web.1.1", "127.0.0.1").run(Busybox.SERVE)
                .health(new HealthSpec("/up", Duration.ofMillis(100), Duration.ofSeconds(2), Duration.ofSeconds(60)))
                .toRequest();

        ContainerStatus started = client.start(request);
        HealthVerdict health = client.health(request.id());
        String served = Http.get("127.0.0.1", started.port(), "/");
        Answers.Listing listing = client.list();
        List<String> logs = client.logs(request.id(), 5);
        Answers.Stopped stopped = client.stop(request.id(), Duration.ofSeconds(5));
        Answers.Stopped stoppedAgain = client.stop(request.id(), Duration.ofSeconds(5));
        Answers.Stopped removed = client.remove(request.id(), Duration.ofSeconds(5));

        assertEquals(2, received.files());
        assertTrue(PORTS.contains(started.port()), "the agent assigned a port from its range: " + started.port());
        assertTrue(health.healthy(), health.toString());
        assertEquals("via ssh\n", served);
        assertEquals(List.of(request.id()), listing.containers().stream().map(ContainerStatus::id).toList());
        assertEquals(ContainerState.RUNNING, listing.containers().getFirst().state());
        assertTrue(logs.getFirst().startsWith("-----> quarry: starting shop.web.1.1"), logs.toString());
        assertEquals(ContainerState.STOPPED, stopped.status().state());
        assertEquals(ContainerState.STOPPED, stoppedAgain.status().state());
        assertTrue(removed.known());
        assertEquals(List.of(), client.list().containers());
    }

    @Test
    void anUnhealthyContainerSaysWhyWithItsLastLines() {
        client.sendSource("shop", 1, Busybox.writeApp(temp.resolve("app"), "never served"));
        ContainerRequest request = ContainerRequest.builder("shop.web.1.1", "127.0.0.1")
                .run("echo cannot find the database; exit 1")
                .restart(new RestartSpec(RestartPolicy.NEVER, 0,
                        Duration.ofSeconds(1))).toRequest();

        client.start(request);
        HealthVerdict health = client.health(request.id());

        assertFalse(health.healthy());
        assertTrue(health.reason().startsWith("it is exited (exit status 1); last try: connect to 127.0.0.1:"),
                health.reason());
        assertTrue(health.logs().contains("cannot find the database"), health.logs().toString());
    }

    @Test
    void aHookRunsOnceAndARunningReleaseIsNotRemoved() {
        client.sendSource("shop", 2, Busybox.writeApp(temp.resolve("app"), "two"));
        PrepareRequest release = new PrepareRequest("shop", "web", 2, null, null, null, List.of("echo built > built"),
                Map.of());
        client.prepare(release);
        HookRequest hook = new HookRequest("release", release, "cat built", Map.of(), "127.0.0.1", null);
        client.start(ContainerRequest.builder("shop.web.2.1", "127.0.0.1").run(Busybox.SERVE).toRequest());

        HookResult first = client.runHook(hook);
        HookResult again = client.runHook(hook);
        AgentException refused = assertThrows(AgentException.class, () -> client.removeRelease("shop", 2));

        assertEquals(List.of("built"), first.output());
        assertTrue(again.earlier());
        assertEquals(1, refused.exitStatus());
        assertEquals(agent.client().name() + ": remove-release shop release 2: shop release 2 still runs"
                + " [shop.web.2.1]; stop and remove those containers first", refused.getMessage());
    }

    @Test
    void aBuildAndAHookStreamTheirLinesOverSshBeforeTheAnswer() {
        client.sendSource("shop", 3, Busybox.writeApp(temp.resolve("app"), "three"));
        PrepareRequest release = new PrepareRequest("shop", "web", 3, null, null, null,
                List.of("echo compiling; echo '| not an answer'", "echo linked > linked"), Map.of());
        List<String> built = new java.util.concurrent.CopyOnWriteArrayList<>();
        List<String> hooked = new java.util.concurrent.CopyOnWriteArrayList<>();

        var prepared = client.prepare(release, built::add);
        HookResult hook = client.runHook(new HookRequest("release", release, "echo migrating; cat linked", Map.of(),
                "127.0.0.1", null), hooked::add);
        var again = client.prepare(release, built::add);

        assertEquals(List.of("compiling", "| not an answer"), built);
        assertTrue(prepared.built() && prepared.prepared().equals("shop/web release 3"), prepared.toString());
        assertEquals(List.of("migrating", "linked"), hooked);
        assertEquals(List.of("migrating", "linked"), hook.output());
        assertFalse(again.built(), "built once per release");
    }

    @Test
    void aOneOffRunsBesideARunningContainerWithItsEnvAndIsListedUntilItEnds() throws Exception {
        client.sendSource("shop", 5, Busybox.writeApp(temp.resolve("app"), "five"));
        ContainerRequest request = ContainerRequest.builder("shop.web.5.1", "127.0.0.1").run(Busybox.SERVE)
                .env("GREETING", "hello there").toRequest();
        ContainerStatus started = client.start(request);
        List<String> lines = new java.util.concurrent.CopyOnWriteArrayList<>();

        Answers.Ran ran = client.runOnce(new OneOffRequest(request.id(), List.of("sh", "-c",
                "echo \"$GREETING on $PORT\"; cat www/index.html; id -u; exit 7"), null), lines::add, () -> true);

        assertEquals(7, ran.exitStatus(), lines.toString());
        assertEquals("shop.web.run.1", ran.id());
        assertEquals(List.of("hello there on " + started.port(), "five"), lines.subList(0, 2));
        assertFalse(lines.get(2).equals("0"), "not root: " + lines);

        java.util.concurrent.atomic.AtomicBoolean wanted = new java.util.concurrent.atomic.AtomicBoolean(true);
        Thread sleeping = Thread.ofVirtual().start(() -> assertThrows(AgentException.class, () -> client.runOnce(
                new OneOffRequest(request.id(), List.of("sleep", "4712"), null), line -> { }, wanted::get)));
        List<ContainerStatus> running = List.of();
        for (int tries = 0; tries < 200 && running.isEmpty(); tries++) {
            Thread.sleep(50);
            running = client.list().oneOffs();
        }
        wanted.set(false);
        assertTrue(sleeping.join(Duration.ofSeconds(20)), "given up once no longer wanted");

        assertEquals(List.of("shop.web.run.2"), running.stream().map(ContainerStatus::id).toList());
        assertEquals(ContainerState.RUNNING, running.getFirst().state());
        assertEquals(List.of(request.id()), client.list().containers().stream().map(ContainerStatus::id).toList(),
                "a one-off is no container");
        for (int tries = 0; tries < 200 && !client.list().oneOffs().isEmpty(); tries++) {
            Thread.sleep(50);
        }
        assertEquals(List.of(), client.list().oneOffs(), "killed and forgotten once its caller left");
        AgentException unknown = assertThrows(AgentException.class, () -> client.runOnce(
                new OneOffRequest("shop.web.9.1", List.of("true"), null), line -> { }, () -> true));
        assertEquals("agent 127.0.0.1:" + agent.port() + ": run-once a one-off beside shop.web.9.1: this agent runs no"
                + " container shop.web.9.1; name one that list shows", unknown.getMessage());
        client.remove(request.id(), Duration.ZERO);
    }

    @Test
    void aContainerThatKeepsExitingIsUnhealthyBeforeItsDeadline() {
        client.sendSource("shop", 4, Busybox.writeApp(temp.resolve("app"), "four"));
        ContainerRequest request = ContainerRequest.builder("shop.web.4.1", "127.0.0.1")
                .run("echo crashing; exit 2")
                .restart(new RestartSpec(RestartPolicy.ON_FAILURE, 0, Duration.ofMillis(100)))
                .health(new HealthSpec("/up", Duration.ofMillis(100), Duration.ofSeconds(2), Duration.ofMinutes(10)))
                .toRequest();

        client.start(request);
        HealthVerdict health = client.health(request.id());

        assertFalse(health.healthy());
        assertTrue(health.ended(), health.toString());
        assertTrue(health.reason().startsWith("it exited 3 times before it was healthy, last (exit status 2); it is"
                + " crash-looping"), health.reason());
        assertTrue(health.logs().contains("crashing"), health.logs().toString());
        client.remove(request.id(), Duration.ZERO);
    }

    @Test
    void failuresComeBackAsOneLineNamingTheAgent() {
        AgentException noSource = assertThrows(AgentException.class, () -> client.start(
                ContainerRequest.builder("shop.web.9.1", "127.0.0.1").run(Busybox.SERVE).toRequest()));
        IllegalArgumentException badLines = assertThrows(IllegalArgumentException.class,
                () -> client.logs("shop.web.9.1", 0));

        assertEquals(1, noSource.exitStatus());
        assertEquals("agent 127.0.0.1:" + agent.port() + ": start shop.web.9.1: no source for shop release 9 on this"
                + " server (" + temp.resolve("home/sources/shop/9") + "); send it first with receive-source",
                noSource.getMessage());
        assertEquals("lines must be from 1 to 10000, got 0", badLines.getMessage(), "checked before it is sent");
    }

    @Test
    void anAgentThatDoesNotListenIsReportedInOneLine() {
        try (AgentConnector connector = AgentConnector.open(AgentConnector.readKeyPair(agent.hqKey().privateKey()),
                temp.resolve("known_hosts"), HostKeyPolicy.KNOWN_ONLY, AgentTimeouts.DEFAULT)) {
            AgentClient nowhere = connector.client("127.0.0.1", LoopbackPorts.free());
            AgentClient unknownHostKey = connector.client("127.0.0.1", agent.port());

            AgentException refused = assertThrows(AgentException.class, nowhere::list);
            AgentException unknown = assertThrows(AgentException.class, unknownHostKey::list);

            assertEquals(nowhere.name() + " did not answer: connection refused", refused.getMessage());
            assertTrue(unknown.getMessage().startsWith(unknownHostKey.name() + " did not answer: its host key is not"),
                    unknown.getMessage());
        }
    }

    @Test
    void theHeartbeatIsAnsweredOverTheKeptConnectionUntilTheAgentStops() throws Exception {
        try (AgentConnector connector = AgentConnector.open(AgentConnector.readKeyPair(agent.hqKey().privateKey()),
                temp.resolve("known_hosts"), HostKeyPolicy.TRUST_FIRST_USE, AgentTimeouts.DEFAULT)) {
            AgentClient watching = connector.client("127.0.0.1", agent.port());
            watching.heartbeat(Duration.ofSeconds(5));
            watching.heartbeat(Duration.ofSeconds(5));
            agent.detach();

            AgentException stopped = assertThrows(AgentException.class,
                    () -> watching.heartbeat(Duration.ofSeconds(1)));

            assertEquals(watching.name() + " did not answer: connection refused", stopped.getMessage());
        }
    }

    @Test
    void anAgentThatAcceptsButNeverAnswersFailsTheHeartbeatInTime() throws Exception {
        try (java.net.ServerSocket silent = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress());
                AgentConnector connector = AgentConnector.open(AgentConnector.readKeyPair(
                        agent.hqKey().privateKey()), temp.resolve("known_hosts"), HostKeyPolicy.TRUST_FIRST_USE,
                        AgentTimeouts.DEFAULT)) {
            AgentClient mute = connector.client("127.0.0.1", silent.getLocalPort());

            AgentException failed = assertThrows(AgentException.class, () -> mute.heartbeat(Duration.ofMillis(300)));

            assertTrue(failed.getMessage().startsWith(mute.name() + " did not answer: no answer within 300 ms"),
                    failed.getMessage());
        }
    }
}
