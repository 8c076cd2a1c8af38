package dev.quarry.agent.firewall;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.agent.client.AgentClient;
import dev.quarry.agent.client.AgentConnector;
import dev.quarry.agent.client.AgentException;
import dev.quarry.agent.testing.AgentInNamespace;
import dev.quarry.locknet.grid.GridHosts;
import dev.quarry.locknet.grid.Ports;
import dev.quarry.testsupport.HostLink;
import dev.quarry.testsupport.NetworkSandbox;
import dev.quarry.testsupport.SshKeys;
import dev.quarry.testsupport.TcpReach;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * locknet-apply and locknet-confirm with real iptables: a real agent runs in a network namespace, this JVM is HQ
 * on the machine's end of a veth link (an address the grid does not list). Every rule goes into the namespace;
 * the machine's own iptables are never touched.
 */
class FirewallInNamespaceTest {
    /** A port something listens on in the namespace and that the rules do not open to outsiders. */
    private static final int PRIVATE_PORT = 7000;
    private static final int CONFIRM_TRIES = 15;

    @TempDir
    Path temp;

    private NetworkSandbox sandbox;
    private HostLink link;
    private AgentInNamespace agent;
    private AgentConnector connector;

    @BeforeEach
    void startAgentInNamespace() {
        sandbox = new NetworkSandbox("qaf");
        link = sandbox.linkedNamespace("10.78");
        SshKeys.KeyFiles hqKey = SshKeys.ed25519(temp.resolve("keys"), "hq");
        agent = AgentInNamespace.start(sandbox, link, temp.resolve("agent"), hqKey);
        sandbox.start(link.namespace(), "busybox", "nc", "-ll", "-p", Integer.toString(PRIVATE_PORT), "-e",
                "/bin/true");
        TcpReach.awaitListening(agent.address(), PRIVATE_PORT);
        connector = AgentInNamespace.connector(hqKey, temp.resolve("known_hosts"));
    }

    @AfterEach
    void removeEverything() {
        try {
            if (connector != null) {
                connector.close();
            }
        } finally {
            sandbox.close();
        }
    }

    @Test
    void rulesConfirmedOverANewConnectionAreKept() {
        String gridNeighbour = link.address(3);
        AgentClient client = agent.client(connector);

        FirewallApplied applied = client.applyFirewall(request(Ports.DEFAULT, Duration.ofSeconds(15),
                agent.address(), gridNeighbour));
        FirewallConfirmed confirmed = client.confirmFirewall();
        FirewallConfirmed confirmedAgain = client.confirmFirewall();
        link.addHostAddress(gridNeighbour);

        assertEquals(new FirewallApplied(2, Set.of(), List.of(22, 2200), Duration.ofSeconds(15), false), applied);
        assertEquals(new FirewallConfirmed(ConfirmOutcome.KEPT, "kept the new rules"), confirmed);
        assertEquals(confirmed, confirmedAgain);
        assertEquals(TcpReach.DROPPED, TcpReach.attempt(link.hostAddress(), agent.address(), PRIVATE_PORT),
                "an address outside the grid no longer reaches a private port");
        assertEquals(TcpReach.CONNECTED, TcpReach.attempt(gridNeighbour, agent.address(), PRIVATE_PORT),
                "a grid host still does");
        assertEquals(TcpReach.CONNECTED, TcpReach.attempt(link.hostAddress(), agent.address(), AgentInNamespace.PORT),
                "the agent's port is public");
        assertTrue(link.namespace().filterRules().contains("-A QUARRY-INPUT -s " + gridNeighbour + "/32 -j ACCEPT"),
                link.namespace().filterRules());
    }

    @Test
    void rulesThatLockHqOutAreRolledBackByTheAgentItself() {
        AgentClient client = agent.client(connector);
        client.applyFirewall(request(Ports.DEFAULT, Duration.ofSeconds(15), agent.address()));
        assertTrue(client.confirmFirewall().kept());
        String keptRules = link.namespace().filterRules();

        // The rules open 2299 as the agent's port, but the agent listens on 2200 and HQ is not a grid host.
        client.applyFirewall(request(new Ports(22, 2222, 2299), Duration.ofSeconds(2), agent.address()));
        List<String> cutOff = new ArrayList<>();
        FirewallConfirmed late = confirmOnceReachable(client, cutOff);

        assertEquals(new FirewallConfirmed(ConfirmOutcome.ROLLED_BACK,
                "not confirmed within 2s; restored the previous rules"), late,
                "HQ's confirms until then: " + cutOff);
        assertEquals(keptRules, link.namespace().filterRules(), "the rules from before the apply are back");
        assertNotEquals(TcpReach.CONNECTED, TcpReach.attempt(link.hostAddress(), agent.address(), PRIVATE_PORT));
    }

    /**
     * Confirms over new connections until one gets through (a bounded number of tries). A confirm that got
     * through while the rules were pending would have kept them; the test expects none did.
     */
    private static FirewallConfirmed confirmOnceReachable(AgentClient client, List<String> cutOff) {
        for (int tries = 0; tries < CONFIRM_TRIES; tries++) {
            try {
                return client.confirmFirewall();
            } catch (AgentException unreached) {
                assertEquals(AgentException.UNREACHED, unreached.exitStatus(), unreached.getMessage());
                cutOff.add(unreached.getMessage());
            }
        }
        throw new AssertionError("HQ never reached the agent again; the rules were not rolled back: " + cutOff);
    }

    private static FirewallRequest request(Ports ports, Duration confirmTimeout, String... hosts) {
        return FirewallRequest.of(GridHosts.of(hosts), Set.of(), ports, confirmTimeout);
    }
}
