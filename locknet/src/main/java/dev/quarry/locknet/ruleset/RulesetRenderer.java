package dev.quarry.locknet.ruleset;

import static java.util.Objects.requireNonNull;

import dev.quarry.locknet.grid.Family;
import dev.quarry.locknet.grid.GridHosts;
import dev.quarry.locknet.grid.Ports;
import dev.quarry.locknet.grid.Role;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;

/**
 * Turns the grid's hosts and this host's roles into Quarry's chains. Pure: the same input always gives
 * the same ruleset, whatever order the hosts came in.
 */
public final class RulesetRenderer {
    private RulesetRenderer() {}

    public static Ruleset render(GridHosts hosts, Set<Role> roles, Ports ports) {
        requireNonNull(hosts, "hosts is null");
        requireNonNull(roles, "roles is null");
        requireNonNull(ports, "ports is null");
        SortedSet<Integer> publicPorts = PublicPorts.of(roles, ports);
        return new Ruleset(family(Family.IPV4, hosts, publicPorts), family(Family.IPV6, hosts, publicPorts));
    }

    private static FamilyRuleset family(Family family, GridHosts hosts, SortedSet<Integer> publicPorts) {
        List<Chain> chains = List.of(
                InputChain.build(family, hosts.of(family), publicPorts),
                DockerChain.build(hosts.of(family), publicPorts));
        return new FamilyRuleset(family, chains, List.of(Hook.INPUT, Hook.DOCKER_USER));
    }
}
