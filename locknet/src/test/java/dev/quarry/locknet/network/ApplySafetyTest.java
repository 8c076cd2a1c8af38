package dev.quarry.locknet.network;

import static dev.quarry.locknet.network.Reach.CONNECTED;
import static dev.quarry.locknet.network.Reach.DROPPED;
import static dev.quarry.locknet.network.TestGrid.OUTSIDER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.locknet.Locknet;
import dev.quarry.locknet.apply.Applier;
import dev.quarry.locknet.apply.LocknetFailure;
import dev.quarry.locknet.apply.VirtualThreadScheduler;
import dev.quarry.locknet.grid.Family;
import dev.quarry.locknet.grid.Ports;
import dev.quarry.locknet.grid.Role;
import dev.quarry.locknet.ruleset.Chain;
import dev.quarry.locknet.ruleset.FamilyRuleset;
import dev.quarry.locknet.ruleset.Rule;
import dev.quarry.locknet.ruleset.Ruleset;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** What an apply must not break: live connections, the rules in place when it fails, other tools' rules. */
@Timeout(60)
class ApplySafetyTest {
    private static final Duration CONFIRM_TIMEOUT = Duration.ofMinutes(5);
    private static final Ruleset GRID_OF_THREE = Locknet.ruleset(TestGrid.gridHosts("g1", "g2", "g3"), Set.of(Role.SERVER), Ports.DEFAULT);

    private TestGrid grid;
    private Applier applier;

    @BeforeEach
    void buildGrid() {
        grid = TestGrid.create();
        applier = grid.applier("g1", new VirtualThreadScheduler());
    }

    @AfterEach
    void removeGrid() {
        grid.close();
    }

    /**
     * Connection tracking must know a connection to let it through as established; a host where locknet (or
     * Docker, or any NAT) already runs has it on. So: connections opened under the previous rules survive an
     * apply that would refuse them as new.
     */
    @Test
    void connectionsEstablishedBeforeAnApplySurviveIt() throws Exception {
        grid.start("g1", "busybox", "nc", "-ll", "-p", "80", "-e", "/bin/cat");
        grid.start("g1", "busybox", "nc", "-ll", "-p", "7001", "-e", "/bin/cat");
        Probes.awaitListening(grid.host("g1"), 80);
        Probes.awaitListening(grid.host("g1"), 7001);
        apply(Locknet.ruleset(TestGrid.gridHosts("g1", "g2", "g3"), Set.of(Role.ROUTER), Ports.DEFAULT));
        EchoClient outsider = EchoClient.connect(grid, OUTSIDER, "g1", 80);
        EchoClient formerGridHost = EchoClient.connect(grid, "g3", "g1", 7001);
        assertEquals("before", outsider.roundTrip("before"));
        assertEquals("before", formerGridHost.roundTrip("before"));

        apply(Locknet.ruleset(TestGrid.gridHosts("g1", "g2"), Set.of(Role.SERVER), Ports.DEFAULT));

        assertEquals(Map.of(80, DROPPED), grid.reach(OUTSIDER, "g1", 80));
        assertEquals(Map.of(7001, DROPPED), grid.reach("g3", "g1", 7001));
        assertEquals("after", outsider.roundTrip("after"));
        assertEquals("after", formerGridHost.roundTrip("after"));
    }

    @Test
    void aRulesetIptablesRefusesChangesNothing() {
        apply(GRID_OF_THREE);
        String ipv4Before = grid.filterTable("g1", Family.IPV4);
        String ipv6Before = grid.filterTable("g1", Family.IPV6);
        Ruleset broken = withIpv6Rule(Locknet.ruleset(TestGrid.gridHosts("g1", "g2"), Set.of(Role.SERVER), Ports.DEFAULT),
                Rule.of("-m", "no-such-match", "-j", "ACCEPT"));

        LocknetFailure refused = assertThrows(LocknetFailure.class, () -> applier.apply(broken, CONFIRM_TIMEOUT));

        assertTrue(refused.getMessage().startsWith("locknet: ip6tables-restore --test refused the IPv6 rules, nothing changed: "),
                refused.getMessage());
        assertEquals(ipv4Before, grid.filterTable("g1", Family.IPV4));
        assertEquals(ipv6Before, grid.filterTable("g1", Family.IPV6));
        assertTrue(applier.pending().isEmpty());
    }

    @Test
    void aRulesetTheKernelRefusesIsTakenBackFromTheFamilyAlreadyLoaded() {
        grid.listen("g1", 5432);
        apply(GRID_OF_THREE);
        String ipv4Before = grid.filterTable("g1", Family.IPV4);
        String ipv6Before = grid.filterTable("g1", Family.IPV6);
        Ruleset broken = withIpv6Rule(Locknet.ruleset(TestGrid.gridHosts("g1", "g2"), Set.of(Role.SERVER), Ports.DEFAULT),
                Rule.of("-j", "QUARRY-MISSING"));

        LocknetFailure refused = assertThrows(LocknetFailure.class, () -> applier.apply(broken, CONFIRM_TIMEOUT));

        assertTrue(refused.getMessage().startsWith("locknet: ip6tables-restore refused the IPv6 rules, that table is unchanged: "),
                refused.getMessage());
        assertTrue(refused.getMessage().endsWith("; the IPv4 rules were put back"), refused.getMessage());
        assertEquals(ipv4Before, grid.filterTable("g1", Family.IPV4));
        assertEquals(ipv6Before, grid.filterTable("g1", Family.IPV6));
        assertEquals(Map.of(5432, CONNECTED), grid.reach("g3", "g1", 5432));
    }

    @Test
    void rulesOfAnotherToolInTheSameTableSurviveApplyAndRollback() throws Exception {
        Namespace host = grid.host("g1");
        host.mustRun("iptables", "-N", "OTHER-TOOL");
        host.mustRun("iptables", "-A", "OTHER-TOOL", "-s", "10.99.0.1", "-j", "DROP");
        host.mustRun("iptables", "-A", "INPUT", "-p", "udp", "--dport", "53", "-j", "ACCEPT");
        host.mustRun("iptables", "-A", "FORWARD", "-j", "OTHER-TOOL");
        host.mustRun("ip6tables", "-A", "INPUT", "-p", "udp", "--dport", "53", "-j", "ACCEPT");
        host.mustRun("iptables", "-t", "nat", "-A", "POSTROUTING", "-o", "eth0", "-j", "MASQUERADE");
        String ipv4Before = grid.filterTable("g1", Family.IPV4);
        String ipv6Before = grid.filterTable("g1", Family.IPV6);
        String natBefore = host.mustRun("iptables", "-t", "nat", "-S");

        apply(GRID_OF_THREE);
        apply(Locknet.ruleset(TestGrid.gridHosts("g1", "g2"), Set.of(Role.ROUTER), Ports.DEFAULT));
        assertEquals(ipv4Before, withoutQuarry(grid.filterTable("g1", Family.IPV4)));
        assertEquals(ipv6Before, withoutQuarry(grid.filterTable("g1", Family.IPV6)));

        applier.apply(GRID_OF_THREE, CONFIRM_TIMEOUT).rollBack("test rolls back");
        assertEquals(ipv4Before, withoutQuarry(grid.filterTable("g1", Family.IPV4)));
        assertEquals(ipv6Before, withoutQuarry(grid.filterTable("g1", Family.IPV6)));
        assertEquals(natBefore, host.mustRun("iptables", "-t", "nat", "-S"));
    }

    private void apply(Ruleset ruleset) {
        applier.apply(ruleset, CONFIRM_TIMEOUT);
        assertTrue(applier.confirm());
    }

    private static Ruleset withIpv6Rule(Ruleset ruleset, Rule extra) {
        FamilyRuleset ipv6 = ruleset.ipv6();
        List<Chain> chains = new ArrayList<>();
        for (Chain chain : ipv6.chains()) {
            List<Rule> rules = new ArrayList<>(List.of(extra));
            rules.addAll(chain.rules());
            chains.add(new Chain(chain.name(), rules));
        }
        return new Ruleset(ruleset.ipv4(), new FamilyRuleset(ipv6.family(), chains, ipv6.hooks()));
    }

    private static String withoutQuarry(String table) {
        return table.lines().filter(line -> !line.contains("QUARRY")).reduce("", (all, line) -> all + line + "\n");
    }
}
