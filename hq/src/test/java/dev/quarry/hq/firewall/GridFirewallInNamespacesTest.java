package dev.quarry.hq.firewall;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.agent.client.AgentClient;
import dev.quarry.agent.client.AgentConnector;
import dev.quarry.locknet.grid.Role;
import dev.quarry.testsupport.HostLink;
import dev.quarry.testsupport.NetworkSandbox;
import dev.quarry.testsupport.SshKeys;
import dev.quarry.testsupport.TcpReach;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The grid's firewall set from HQ through real agents with real iptables: two agents in two network
 * namespaces, this JVM as HQ on the machine's end of each link (an address no grid lists). Every rule goes
 * into the namespaces; the machine's own iptables are never touched.
 */
class GridFirewallInNamespacesTest {
    /** A port something listens on in host a, which the rules do not open to outsiders. */
    private static final int PRIVATE_PORT = 7000;
    /** Where HQ dials host b's agent: b's own NAT table forwards it to the agent's 2200. */
    private static final int FORWARDED_PORT = 2201;

    @TempDir
    Path temp;

    private NetworkSandbox sandbox;
    private HostLink linkA;
    private HostLink linkB;
    private AgentConnector connector;
    private final Map<String, AgentClient> clients = new ConcurrentHashMap<>();

    @BeforeEach
    void startTwoAgentsInNamespaces() {
        sandbox = new NetworkSandbox("qgf");
        linkA = sandbox.linkedNamespace("10.78");
        linkB = sandbox.linkedNamespace("10.78");
        SshKeys.KeyFiles hqKey = SshKeys.ed25519(temp.resolve("keys"), "hq");
        NamespacedAgents.start(sandbox, List.of(linkA, linkB), temp.resolve("agents"), hqKey);
        linkB.namespace().mustRun("iptables", "-t", "nat", "-A", "PREROUTING", "-p", "tcp", "--dport",
                Integer.toString(FORWARDED_PORT), "-j", "REDIRECT", "--to-ports",
                Integer.toString(NamespacedAgents.PORT));
        sandbox.start(linkA.namespace(), "busybox", "nc", "-ll", "-p", Integer.toString(PRIVATE_PORT), "-e",
                "/bin/true");
        TcpReach.awaitListening(linkA.namespaceAddress(), PRIVATE_PORT);
        connector = NamespacedAgents.connector(hqKey, temp.resolve("known_hosts"));
        warmUp("a", linkA.namespaceAddress(), NamespacedAgents.PORT);
        warmUp("b", linkB.namespaceAddress(), FORWARDED_PORT);
    }

    /**
     * Opens HQ's connection to a fresh agent JVM before the rules are applied, as HQ's agent clients are open
     * long before a firewall round: a cold JVM on a loaded machine can take longer than the tests' 2 s to answer
     * its first handshake, which would make the host look unreachable rather than test the rules.
     */
    private void warmUp(String name, String address, int port) {
        for (int attempt = 1; ; attempt++) {
            AgentClient client = connector.client(address, port);
            try {
                client.list();
                clients.put(name, client);
                return;
            } catch (RuntimeException e) {
                client.close();
                if (attempt == 10) {
                    throw e;
                }
            }
        }
    }

    @AfterEach
    void removeEverything() {
        try {
            clients.values().forEach(AgentClient::close);
            if (connector != null) {
                connector.close();
            }
        } finally {
            sandbox.close();
        }
    }

    @Test
    void everyHostIsAppliedAtOnceAndEndsAsData() {
        FirewallHost a = FirewallHost.of("a", linkA.namespaceAddress(), NamespacedAgents.PORT, Set.of(Role.ROUTER));
        FirewallHost b = FirewallHost.of("b", linkB.namespaceAddress(), FORWARDED_PORT, Set.of());
        FirewallHost gone = FirewallHost.of("gone", linkA.address(5), NamespacedAgents.PORT, Set.of());
        FirewallHost local = FirewallHost.of("local", "127.0.0.1", NamespacedAgents.PORT, Set.of());

        FirewallReport report = firewall().apply(List.of(a, b, gone, local));

        assertEquals(List.of(FirewallVerdict.KEPT, FirewallVerdict.ROLLED_BACK, FirewallVerdict.UNREACHABLE,
                FirewallVerdict.NOT_APPLIED), report.results().stream().map(HostResult::verdict).toList(),
                String.join("\n", report.lines()));
        assertEquals("locknet: 1 of 4 hosts kept the new rules; rolled back: b; not applied: local; unreachable: gone",
                report.summary());
        assertEquals("kept the new rules: 3 grid hosts, public ports 22, 80, 443, 2200", reason(report, 0));
        assertTrue(reason(report, 1).startsWith("HQ could not confirm over a new connection (agent "
                + b.address() + ":2201 did not answer: "), reason(report, 1));
        assertTrue(reason(report, 1).endsWith("; the agent rolled back by itself: not confirmed within 2s; restored"
                + " the previous rules"), reason(report, 1));
        assertTrue(reason(report, 2).startsWith("agent " + gone.address() + ":2200 did not answer: "),
                reason(report, 2));
        assertEquals("it is on this machine's loopback (a local server); HQ leaves its own machine's firewall alone",
                reason(report, 3));

        assertEquals(TcpReach.DROPPED, TcpReach.attempt(linkA.hostAddress(), a.address(), PRIVATE_PORT),
                "host a keeps rules that drop HQ's machine, which is not a grid host, on a private port");
        assertTrue(linkA.namespace().filterRules().contains("-A QUARRY-INPUT -s " + b.address() + "/32 -j ACCEPT"));
        assertFalse(linkB.namespace().filterRules().contains("QUARRY"),
                "host b is back to its rules from before: none");
        assertEquals(TcpReach.CONNECTED, TcpReach.attempt(linkB.hostAddress(), b.address(), FORWARDED_PORT),
                "HQ reaches host b's agent again");
    }

    @Test
    void aServerJoiningOrLeavingChangesWhatEveryHostAccepts() {
        FirewallHost a = FirewallHost.of("a", linkA.namespaceAddress(), NamespacedAgents.PORT, Set.of());
        FirewallHost c = FirewallHost.of("c", linkB.namespaceAddress(), NamespacedAgents.PORT, Set.of());
        GridFirewall firewall = firewall();
        String acceptsC = "-A QUARRY-INPUT -s " + c.address() + "/32 -j ACCEPT";

        FirewallReport alone = firewall.apply(List.of(a));
        String rulesAlone = linkA.namespace().filterRules();
        FirewallReport joined = firewall.apply(List.of(a, c));
        String rulesWithC = linkA.namespace().filterRules();
        FirewallReport left = firewall.apply(List.of(a));

        for (FirewallReport report : List.of(alone, joined, left)) {
            assertTrue(report.allKept(), String.join("\n", report.lines()));
        }
        assertEquals("kept the new rules: 1 grid host, public ports 22, 2200", reason(alone, 0));
        assertFalse(rulesAlone.contains(acceptsC), rulesAlone);
        assertTrue(rulesWithC.contains(acceptsC), rulesWithC);
        assertTrue(linkB.namespace().filterRules().contains("-A QUARRY-INPUT -s " + a.address() + "/32 -j ACCEPT"));
        assertEquals(rulesAlone, linkA.namespace().filterRules(), "host a is back to the rules of the grid without c");
    }

    private GridFirewall firewall() {
        return new GridFirewall(host -> clients.computeIfAbsent(host.name(),
                name -> connector.client(host.agentHost(), host.agentPort())),
                FirewallSettings.DEFAULT.withConfirmTimeout(Duration.ofSeconds(2)));
    }

    private static String reason(FirewallReport report, int index) {
        return report.results().get(index).reason();
    }
}
