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
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Published container ports are forwarded, not delivered, so INPUT never sees them: locknet filters them in
 * Docker's DOCKER-USER chain. g1 plays a Docker host whose container publishes ports 80 and 5432.
 */
class DockerPublishedPortsTest {
    private TestGrid grid;

    @BeforeEach
    void buildDockerHost() {
        grid = TestGrid.create();
        Namespace container = grid.addContainer("g1");
        Namespace dockerHost = grid.host("g1");
        for (String port : List.of("80", "5432")) {
            dockerHost.mustRun("iptables", "-t", "nat", "-A", "PREROUTING", "-i", "eth0", "-p", "tcp", "--dport", port,
                    "-j", "DNAT", "--to-destination", "172.30.0.2:" + port);
        }
        dockerHost.mustRun("iptables", "-N", "DOCKER-USER");
        dockerHost.mustRun("iptables", "-A", "DOCKER-USER", "-j", "RETURN");
        dockerHost.mustRun("iptables", "-A", "FORWARD", "-j", "DOCKER-USER");
        grid.start("container-g1", "busybox", "nc", "-ll", "-p", "80", "-e", "/bin/true");
        grid.start("container-g1", "busybox", "nc", "-ll", "-p", "5432", "-e", "/bin/true");
        Probes.awaitListening(container, 80);
        Probes.awaitListening(container, 5432);
    }

    @AfterEach
    void removeGrid() {
        grid.close();
    }

    @Test
    void onlyGridHostsReachAPublishedPort() {
        assertEquals(Map.of(80, CONNECTED, 5432, CONNECTED), grid.reach(OUTSIDER, "g1", 80, 5432), "published before locknet");

        lock(Set.of(Role.SERVER));

        assertEquals(Map.of(80, DROPPED, 5432, DROPPED), grid.reach(OUTSIDER, "g1", 80, 5432));
        assertEquals(Map.of(80, CONNECTED, 5432, CONNECTED), grid.reach("g2", "g1", 80, 5432));
    }

    @Test
    void onTheRouterAPublishedWebPortIsPublic() {
        lock(Set.of(Role.ROUTER));

        assertEquals(Map.of(80, CONNECTED, 5432, DROPPED), grid.reach(OUTSIDER, "g1", 80, 5432));
    }

    @Test
    void theJumpFromDockerUserIsAddedOnceAheadOfDockersOwnRules() {
        lock(Set.of(Role.SERVER));
        lock(Set.of(Role.ROUTER));

        List<String> dockerUser = grid.filterTable("g1", Family.IPV4).lines()
                .filter(line -> line.startsWith("-A DOCKER-USER ")).toList();
        assertEquals(List.of("-A DOCKER-USER -j QUARRY-DOCKER", "-A DOCKER-USER -j RETURN"), dockerUser);
    }

    private void lock(Set<Role> roles) {
        Applier applier = grid.applier("g1", new VirtualThreadScheduler());
        applier.apply(Locknet.ruleset(TestGrid.gridHosts("g1", "g2", "g3"), roles, Ports.DEFAULT), Duration.ofMinutes(5));
        assertTrue(applier.confirm());
    }
}
