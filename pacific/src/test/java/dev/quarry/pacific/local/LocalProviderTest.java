package dev.quarry.pacific.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.pacific.agent.HqPublicKey;
import dev.quarry.pacific.agent.TcpAgentProbe;
import dev.quarry.pacific.provider.ProviderEvent;
import dev.quarry.pacific.provider.Server;
import dev.quarry.pacific.provider.ServerRequest;
import dev.quarry.pacific.provider.ServerSize;
import dev.quarry.pacific.provider.ServerState;
import dev.quarry.pacific.waiting.Poller;
import dev.quarry.pacific.waiting.Sleeper;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Local servers with real child processes on real loopback addresses, and their records under a real home. */
class LocalProviderTest {
    static final HqPublicKey HQ_KEY = new HqPublicKey("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAILocalTestKey quarry@hq");
    static final LocalSettings SETTINGS = new LocalSettings(20000, 20999, 100, Duration.ofSeconds(30),
            Duration.ofMillis(50), Duration.ofSeconds(10));
    private static final ServerRequest ONE_GIG = new ServerRequest(ServerSize.of(1024, 1000), Set.of("ssd"));

    @TempDir
    Path home;

    private final ListenerLauncher launcher = ListenerLauncher.listening();
    private final List<ProviderEvent> events = new ArrayList<>();

    @AfterEach
    void killLeftovers() throws InterruptedException {
        launcher.killAll();
    }

    @Test
    void twoServersGetTheirOwnAddressAgentPortAndPortRange() throws Exception {
        LocalProvider provider = provider();

        Server first = provider.add(ONE_GIG);
        Server second = provider.add(ServerRequest.of(ServerSize.of(2048, 2000)));

        assertEquals(List.of("local-1", "127.0.0.2", "20000"), List.of(first.id(), first.address(), "" + first.agentPort()));
        assertEquals(List.of("local-2", "127.0.0.3", "20100"), List.of(second.id(), second.address(),
                "" + second.agentPort()));
        List<AgentCommand> commands = launcher.commands();
        assertEquals(new PortRange(20001, 20099), commands.get(0).ports());
        assertEquals(new PortRange(20101, 20199), commands.get(1).ports());
        assertFalse(commands.get(0).ports().overlaps(commands.get(1).ports()));
        assertEquals(List.of("agent", "--home", home.resolve("servers/local-1/agent").toString(), "--listen",
                "127.0.0.2:20000", "--hq-key", home.resolve("servers/local-1/hq.pub").toString(), "--ports",
                "20001-20099"), commands.get(0).arguments());
        assertEquals(HQ_KEY.line() + "\n", Files.readString(home.resolve("servers/local-1/hq.pub")));
        assertEquals(new Server("local-1", "local-1", "127.0.0.2", 20000, ServerSize.of(1024, 1000), Set.of("ssd"),
                BigDecimal.ZERO, ServerState.ACTIVE), first);
        assertEquals(List.of(first, second), provider.list());
        assertEquals(List.of(first, second), events.stream().map(ProviderEvent::server).toList());
    }

    @Test
    void aRestartedProviderFindsItsServersAndAllocatesAroundThem() throws Exception {
        Server first = provider().add(ONE_GIG);

        LocalProvider restarted = provider();
        Server second = restarted.add(ONE_GIG);

        assertEquals(List.of(first, second), restarted.list());
        assertEquals("127.0.0.3", second.address());
        assertEquals(20100, second.agentPort());
    }

    @Test
    void removeStopsTheAgentByPidAndFreesItsAddressAndPorts() throws Exception {
        provider().add(ONE_GIG);
        LaunchedAgent agent = new LocalLedger(home).find("local-1").orElseThrow().agent().orElseThrow();
        assertTrue(agent.process().isPresent());

        LocalProvider restarted = provider();
        restarted.remove("local-1");

        assertTrue(ProcessHandle.of(agent.pid()).map(process -> !process.isAlive()).orElse(true), "agent stopped");
        assertFalse(Files.exists(home.resolve("servers/local-1")));
        assertEquals(List.of(), restarted.list());
        ProviderEvent.Removed removed = assertInstanceOf(ProviderEvent.Removed.class, events.getLast());
        assertEquals("removed server local-1 (id local-1)", removed.describe());
        Server again = restarted.add(ONE_GIG);
        assertEquals(List.of("local-1", "127.0.0.2", "20000"), List.of(again.id(), again.address(), "" + again.agentPort()));
    }

    @Test
    void anAgentThatEndedIsStartedAgainOnItsOwnAddressPortsAndHome() throws Exception {
        Server first = provider().add(ONE_GIG);
        LaunchedAgent agent = new LocalLedger(home).find("local-1").orElseThrow().agent().orElseThrow();
        ProcessHandle process = agent.process().orElseThrow();
        process.destroyForcibly();
        process.onExit().get();
        Files.writeString(home.resolve("servers/local-1/agent/kept"), "state of the containers");

        LocalProvider rebooted = provider();
        assertEquals(ServerState.OFF, rebooted.list().getFirst().state(), "listed as off after the agent ended");
        Server resumed = rebooted.resume("local-1");

        assertEquals(first, resumed, "the same address, agent port and size, active again");
        assertEquals(launcher.commands().getFirst(), launcher.commands().getLast(), "the same agent command");
        assertEquals("state of the containers", Files.readString(home.resolve("servers/local-1/agent/kept")));
        assertEquals(resumed, rebooted.resume("local-1"), "an active server is left as it is");
        assertEquals(2, launcher.commands().size());
    }

    @Test
    void removingAServerThatIsGoneSucceedsQuietly() throws Exception {
        provider().remove("local-9");

        assertEquals(List.of(), events);
    }

    @Test
    void resizeChangesTheRecordedCapacity() throws Exception {
        LocalProvider provider = provider();
        provider.add(ONE_GIG);

        Server resized = provider.resize("local-1", ServerSize.of(4096, 3000));

        assertEquals(ServerSize.of(4096, 3000), resized.size());
        assertEquals(List.of(resized), provider().list());
        assertEquals("resized server local-1 (id local-1) from 1024M,1000m to 4096M,3000m, $0/h",
                events.getLast().describe());
    }

    private LocalProvider provider() {
        LocalProvider provider = new LocalProvider(home, HQ_KEY, SETTINGS, launcher,
                new TcpAgentProbe(Duration.ofSeconds(1)), new Poller(Clock.systemUTC(), Sleeper.REAL));
        provider.addListener(events::add);
        return provider;
    }
}
