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
import dev.quarry.pacific.agent.AgentHostKey;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.List;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A droplet's agent gets a host key pacific made (in its user data); HQ puts the public half in its
 * known_hosts before it first connects, so it reaches the agent with known hosts only — no trust on first
 * use over the network — and refuses an agent presenting any other key.
 */
class AgentHostKeyTrustTest {
    @TempDir
    Path root;

    @Test
    void anAgentWithTheHostKeyPacificMadeIsReachedWithKnownHostsOnly() throws Exception {
        KeyPair hqKey = AgentKey.ensure(root.resolve("etc"));
        AgentHostKey hostKey = AgentHostKey.generate();
        Path agentHome = Files.createDirectories(root.resolve("agent"));
        Files.writeString(agentHome.resolve("ssh_host_key"), hostKey.privateKeyPem(), StandardCharsets.US_ASCII);
        Path knownHosts = root.resolve("etc/agent_known_hosts");
        Path strangers = root.resolve("etc/other_known_hosts");
        try (Agent agent = Agent.start(AgentSettings.of(agentHome, new InetSocketAddress("127.0.0.1", 0),
                AgentKey.publicKey(root.resolve("etc")), PortRange.DEFAULT))) {
            assertEquals(hostKey.publicKeyLine(), PublicKeyEntry.toString(agent.hostKey()),
                    "the agent serves the key pacific made, and pacific's line is OpenSSH's");
            KnownHostLines.remember(knownHosts, "127.0.0.1", agent.port(), hostKey.publicKeyLine());
            KnownHostLines.remember(strangers, "127.0.0.1", agent.port(), AgentHostKey.generate().publicKeyLine());

            try (AgentConnector known = AgentConnector.open(hqKey, knownHosts, HostKeyPolicy.KNOWN_ONLY,
                    AgentTimeouts.DEFAULT);
                    AgentClient client = known.client("127.0.0.1", agent.port())) {
                assertEquals(List.of(), client.list().containers());
            }
            try (AgentConnector other = AgentConnector.open(hqKey, strangers, HostKeyPolicy.KNOWN_ONLY,
                    AgentTimeouts.DEFAULT);
                    AgentClient client = other.client("127.0.0.1", agent.port())) {
                assertThrows(AgentException.class, client::list, "another key is refused");
            }
        }
    }
}
