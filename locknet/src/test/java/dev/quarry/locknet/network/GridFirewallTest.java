package dev.quarry.locknet.network;

import static dev.quarry.locknet.network.Reach.CONNECTED;
import static dev.quarry.locknet.network.Reach.DROPPED;
import static dev.quarry.locknet.network.TestGrid.OUTSIDER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.locknet.Locknet;
import dev.quarry.locknet.apply.Applier;
import dev.quarry.locknet.apply.VirtualThreadScheduler;
import dev.quarry.locknet.grid.Family;
import dev.quarry.locknet.grid.Ports;
import dev.quarry.locknet.grid.Role;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The rules at work: real iptables in three grid hosts and an outsider, each its own network namespace. */
class GridFirewallTest {
    private static final Duration CONFIRM_TIMEOUT = Duration.ofMinutes(5);

    private TestGrid grid;

    @BeforeEach
    void buildGrid() {
        grid = TestGrid.create();
    }

    @AfterEach
    void removeGrid() {
        grid.close();
    }

    @Test
    void gridHostsReachEachOtherOnAnyPort() {
        grid.listen("g1", 22, 80, 5432, 7000);
        grid.listen("g2", 5432, 9999);
        lock("g1", Set.of(Role.ROUTER), "g1", "g2", "g3");
        lock("g2", Set.of(Role.SERVER), "g1", "g2", "g3");

        assertEquals(Map.of(22, CONNECTED, 80, CONNECTED, 5432, CONNECTED, 7000, CONNECTED),
                grid.reach("g2", "g1", 22, 80, 5432, 7000));
        assertEquals(Map.of(5432, CONNECTED, 9999, CONNECTED), grid.reach("g3", "g2", 5432, 9999));
        assertEquals(Map.of(5432, CONNECTED, 9999, CONNECTED), grid.reach("g1", "g2", 5432, 9999));
        assertEquals(Map.of(5432, CONNECTED), grid.reachOverIpv6("g3", "g1", 5432));
    }

    @Test
    void outsiderReachesOnlyTheSshPortsAndTheRoutersWebPorts() {
        for (String host : new String[] {"g1", "g2", "g3"}) {
            grid.listen(host, 22, 80, 443, 2200, 2222, 5432);
        }
        lock("g1", Set.of(Role.ROUTER), "g1", "g2", "g3");
        lock("g2", Set.of(Role.SERVER), "g1", "g2", "g3");
        lock("g3", Set.of(Role.HQ), "g1", "g2", "g3");

        assertEquals(Map.of(22, CONNECTED, 80, CONNECTED, 443, CONNECTED, 2200, CONNECTED, 2222, DROPPED, 5432, DROPPED),
                grid.reach(OUTSIDER, "g1", 22, 80, 443, 2200, 2222, 5432));
        assertEquals(Map.of(22, CONNECTED, 80, DROPPED, 443, DROPPED, 2200, CONNECTED, 2222, DROPPED, 5432, DROPPED),
                grid.reach(OUTSIDER, "g2", 22, 80, 443, 2200, 2222, 5432));
        assertEquals(Map.of(22, CONNECTED, 80, DROPPED, 443, DROPPED, 2200, CONNECTED, 2222, CONNECTED, 5432, DROPPED),
                grid.reach(OUTSIDER, "g3", 22, 80, 443, 2200, 2222, 5432));
        assertEquals(Map.of(22, CONNECTED, 80, CONNECTED, 5432, DROPPED),
                grid.reachOverIpv6(OUTSIDER, "g1", 22, 80, 5432));
    }

    @Test
    void removingAHostFromTheGridCutsItOff() {
        grid.listen("g1", 22, 5432);
        lock("g1", Set.of(Role.SERVER), "g1", "g2", "g3");
        assertEquals(Map.of(22, CONNECTED, 5432, CONNECTED), grid.reach("g3", "g1", 22, 5432));

        lock("g1", Set.of(Role.SERVER), "g1", "g2");

        assertEquals(Map.of(22, CONNECTED, 5432, DROPPED), grid.reach("g3", "g1", 22, 5432));
        assertEquals(Map.of(5432, DROPPED), grid.reachOverIpv6("g3", "g1", 5432));
        assertEquals(Map.of(5432, CONNECTED), grid.reach("g2", "g1", 5432));
    }

    @Test
    void applyingAgainKeepsOneJumpIntoQuarrysChain() {
        lock("g1", Set.of(Role.SERVER), "g1", "g2", "g3");
        lock("g1", Set.of(Role.SERVER), "g1", "g2");
        lock("g1", Set.of(Role.ROUTER), "g1", "g2", "g3");

        String table = grid.filterTable("g1", Family.IPV4);
        assertEquals(1, table.lines().filter("-A INPUT -j QUARRY-INPUT"::equals).count(), table);
        assertTrue(table.contains("-A QUARRY-INPUT -s 10.77.0.3/32 -j ACCEPT"), table);
        assertTrue(table.contains("-A QUARRY-INPUT -p tcp -m tcp --dport 443 -j ACCEPT"), table);
    }

    private void lock(String host, Set<Role> roles, String... gridHosts) {
        Applier applier = grid.applier(host, new VirtualThreadScheduler());
        applier.apply(Locknet.ruleset(TestGrid.gridHosts(gridHosts), roles, Ports.DEFAULT), CONFIRM_TIMEOUT);
        assertTrue(applier.confirm(), "confirmed in time");
    }
}
