package dev.quarry.hq.grid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.quarry.agent.Agent;
import dev.quarry.agent.AgentSettings;
import dev.quarry.agent.client.AgentClient;
import dev.quarry.agent.client.AgentConnector;
import dev.quarry.agent.client.AgentException;
import dev.quarry.agent.client.AgentTimeouts;
import dev.quarry.agent.client.HostKeyPolicy;
import dev.quarry.agent.ports.PortRange;
import dev.quarry.hq.state.FileStateStore;
import dev.quarry.pacific.agent.AgentHostKey;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The host key of a droplet's agent that one HQ learned from its provider, shared through the store: another
 * HQ of the grid, with nothing in its own known_hosts, reaches that agent with known hosts only; once the
 * server is forgotten, a new HQ no longer trusts the key.
 */
class StoredHostKeysTest {
    @TempDir
    Path root;

    @Test
    void aHostKeyOneHqRecordedLetsAnotherReachTheAgentWithKnownHostsOnly() throws Exception {
        FileStateStore shared = new FileStateStore(root.resolve("store"));
        KeyPair hqKey = AgentKey.ensure(root.resolve("grid-etc"));
        AgentHostKey hostKey = AgentHostKey.generate();
        Path agentHome = Files.createDirectories(root.resolve("agent"));
        Files.writeString(agentHome.resolve("ssh_host_key"), hostKey.privateKeyPem(), StandardCharsets.US_ASCII);
        try (Agent agent = Agent.start(AgentSettings.of(agentHome, new InetSocketAddress("127.0.0.1", 0),
                AgentKey.publicKey(root.resolve("grid-etc")), PortRange.DEFAULT))) {
            new StoredHostKeys(shared).record("127.0.0.1", agent.port(), hostKey.publicKeyLine());

            Path knownByB = root.resolve("b/etc/agent_known_hosts");
            new StoredHostKeys(shared).copyInto(knownByB);
            new StoredHostKeys(shared).copyInto(knownByB);

            assertEquals(List.of("[127.0.0.1]:" + agent.port() + " " + hostKey.publicKeyLine()),
                    Files.readAllLines(knownByB), "copied once, however often B looks");
            assertEquals(List.of(), reach(hqKey, knownByB, agent.port()).containers());

            new StoredHostKeys(shared).forget("127.0.0.1", agent.port());
            Path knownByC = root.resolve("c/etc/agent_known_hosts");
            new StoredHostKeys(shared).copyInto(knownByC);
            assertThrows(AgentException.class, () -> reach(hqKey, knownByC, agent.port()),
                    "a forgotten server's key is not handed to a new HQ");
        }
    }

    @Test
    void anAddressTheStoreCannotNameIsRefusedInOneLine() {
        IOException refusal = assertThrows(IOException.class, () -> new StoredHostKeys(new FileStateStore(
                root.resolve("store"))).record("fd00::5", 2200, AgentHostKey.generate().publicKeyLine()));
        assertEquals("cannot share the host key of the agent on fd00::5:2200 with the other HQs: only IPv4 addresses"
                + " and host names are kept in the store", refusal.getMessage());
    }

    private static dev.quarry.agent.protocol.Answers.Listing reach(KeyPair hqKey, Path knownHosts, int port) {
        try (AgentConnector connector = AgentConnector.open(hqKey, knownHosts, HostKeyPolicy.KNOWN_ONLY,
                AgentTimeouts.DEFAULT);
                AgentClient client = connector.client("127.0.0.1", port)) {
            return client.list();
        }
    }
}
