package dev.quarry.hq.endtoend;

import dev.quarry.agent.Agent;
import dev.quarry.agent.AgentSettings;
import dev.quarry.agent.ports.PortRange;
import dev.quarry.hq.grid.ServerSettings;
import dev.quarry.hq.grid.ServerStore;
import dev.quarry.hq.state.FileStateStore;
import dev.quarry.slicegrid.model.Resources;
import dev.quarry.testsupport.LoopbackPorts;
import dev.quarry.testsupport.OpenSshClient;
import dev.quarry.testsupport.SshKeys;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A home for an HQ that runs in its own JVM ({@link HqProcess}) and may be killed: alice's key, one server
 * {@code s1} whose agent runs in this JVM on a loopback address of its own (so its containers outlive HQ), and
 * a free port for the router. {@link #close()} removes the agent's containers, stops it, and stops the nginx a
 * killed HQ left.
 */
final class HomeWithAgent implements AutoCloseable {
    private final Path home;
    private final SshKeys.KeyFiles key;
    private final Agent agent;
    private final int routerPort;

    private HomeWithAgent(Path home, SshKeys.KeyFiles key, Agent agent, int routerPort) {
        this.home = home;
        this.key = key;
        this.agent = agent;
        this.routerPort = routerPort;
    }

    static HomeWithAgent prepare(Path root) throws Exception {
        Path home = root.resolve("home");
        SshKeys.KeyFiles key = SshKeys.ed25519(root.resolve("alice"), "alice");
        Files.createDirectories(home.resolve("keys"));
        Files.copy(key.publicKey(), home.resolve("keys/alice.pub"));
        String address = "127.0." + ThreadLocalRandom.current().nextInt(16, 255) + "."
                + ThreadLocalRandom.current().nextInt(2, 255);
        Agent agent = Agent.start(AgentSettings.of(root.resolve("agent"), new InetSocketAddress(address, 0),
                home.resolve("etc/agent_key.pub"), PortRange.DEFAULT));
        new ServerStore(new FileStateStore(home)).save(ServerSettings.of("s1", address, agent.port(),
                Resources.of(4096, 4000), List.of(), ""));
        return new HomeWithAgent(home, key, agent, LoopbackPorts.free());
    }

    Path home() {
        return home;
    }

    Agent agent() {
        return agent;
    }

    int routerPort() {
        return routerPort;
    }

    /** HQ's options: the router on the free port, a short drain grace. */
    List<String> gridOptions() {
        return List.of("--router", "127.0.0.1:" + routerPort, "--drain-grace", "200ms");
    }

    /** alice's OpenSSH client for the HQ listening on {@code port}, trusting the home's host key. */
    OpenSshClient client(int port) throws Exception {
        Path knownHosts = OpenSshClient.writeKnownHosts(key.privateKey().resolveSibling("known_hosts"),
                Files.readString(home.resolve("etc/hq_host_key.pub")));
        return new OpenSshClient(port, key, knownHosts);
    }

    @Override
    public void close() throws Exception {
        try {
            ActiveContainers.removeAll(agent);
            agent.close();
        } finally {
            LeftoverRouter.stop(home.resolve("router"));
        }
    }
}
