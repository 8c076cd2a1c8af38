package dev.quarry.agent.firewall;

import static java.util.Objects.requireNonNull;

import dev.quarry.agent.runtime.Quoted;
import dev.quarry.locknet.Locknet;
import dev.quarry.locknet.grid.GridHosts;
import dev.quarry.locknet.grid.HostAddress;
import dev.quarry.locknet.grid.Ports;
import dev.quarry.locknet.grid.Role;
import dev.quarry.locknet.ruleset.Ruleset;
import java.time.Duration;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * What locknet-apply loads: the grid, this host's part in it, and how long the agent waits for HQ to
 * confirm. Only data crosses the wire, never iptables text; the agent renders the rules itself.
 *
 * @param hosts every grid host's IPv4 or IPv6 address, this one included (no host names); kept canonical and sorted
 * @param roles this host's roles; empty means a plain server
 * @param ports the SSH ports that are public (null: 22, 2222, 2200)
 * @param confirmTimeout how long the new rules wait for locknet-confirm before they roll back (null: 15 s)
 */
public record FirewallRequest(List<String> hosts, Set<Role> roles, Ports ports, Duration confirmTimeout) {
    /** The most grid hosts one request may list. */
    public static final int MOST_HOSTS = 4096;
    /** The longest address text (an IPv6 address with an IPv4 tail). */
    public static final int LONGEST_ADDRESS = 45;
    public static final Duration SHORTEST_TIMEOUT = Duration.ofSeconds(1);
    public static final Duration LONGEST_TIMEOUT = Duration.ofMinutes(10);

    public FirewallRequest {
        hosts = canonical(hosts);
        roles = roles == null || roles.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(roles));
        ports = ports == null ? Ports.DEFAULT : ports;
        confirmTimeout = confirmTimeout == null ? Locknet.DEFAULT_CONFIRM_TIMEOUT : confirmTimeout;
        if (confirmTimeout.compareTo(SHORTEST_TIMEOUT) < 0 || confirmTimeout.compareTo(LONGEST_TIMEOUT) > 0) {
            throw new IllegalArgumentException("confirmTimeout must be from PT1S to PT10M, got " + confirmTimeout);
        }
    }

    /** The request for locknet's own values. */
    public static FirewallRequest of(GridHosts hosts, Set<Role> roles, Ports ports, Duration confirmTimeout) {
        requireNonNull(hosts, "hosts is null");
        return new FirewallRequest(hosts.addresses().stream().map(HostAddress::text).toList(), roles, ports,
                confirmTimeout);
    }

    /** This host's rules, rendered by locknet (pure). */
    public Ruleset ruleset() {
        return Locknet.ruleset(GridHosts.parse(hosts), roles, ports);
    }

    private static List<String> canonical(List<String> hosts) {
        if (hosts == null || hosts.isEmpty()) {
            throw new IllegalArgumentException("hosts: list every grid host's address, this one included, such as"
                    + " [\"10.0.0.1\",\"10.0.0.2\"]");
        }
        if (hosts.size() > MOST_HOSTS) {
            throw new IllegalArgumentException("hosts: at most " + MOST_HOSTS + " addresses, got " + hosts.size());
        }
        for (String host : hosts) {
            if (host == null || host.length() > LONGEST_ADDRESS) {
                throw new IllegalArgumentException("hosts: " + Quoted.of(host) + " is not an IP address; give"
                        + " addresses such as 10.0.0.1 or fd00::1, no host names");
            }
        }
        return GridHosts.parse(hosts).addresses().stream().map(HostAddress::text).toList();
    }
}
