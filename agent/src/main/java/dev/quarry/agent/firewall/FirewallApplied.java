package dev.quarry.agent.firewall;

import static java.util.Objects.requireNonNull;

import dev.quarry.locknet.grid.Role;
import java.time.Duration;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * What locknet-apply answers once the new rules are loaded: they now wait for locknet-confirm.
 *
 * @param hosts how many grid hosts the rules accept everything from
 * @param roles this host's roles
 * @param publicPorts the TCP ports open to anyone, ascending
 * @param confirmTimeout how long the rules wait for locknet-confirm before the agent restores the previous ones
 * @param replacedPending whether an earlier apply was still waiting; the rollback still goes back to the rules
 *     from before that one
 */
public record FirewallApplied(int hosts, Set<Role> roles, List<Integer> publicPorts, Duration confirmTimeout,
        boolean replacedPending) {
    public FirewallApplied {
        requireNonNull(roles, "roles is null");
        roles = roles.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(roles));
        publicPorts = List.copyOf(requireNonNull(publicPorts, "publicPorts is null"));
        requireNonNull(confirmTimeout, "confirmTimeout is null");
    }
}
