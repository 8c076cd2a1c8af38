package dev.quarry.hq.firewall;

import static java.util.Objects.requireNonNull;

import dev.quarry.locknet.grid.HostAddress;
import dev.quarry.locknet.grid.Role;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * One host of the grid whose firewall HQ sets through its agent.
 *
 * @param name how reports name it, such as the server id {@code s1}
 * @param address its IP address as the other grid hosts see it (no host names); kept canonical
 * @param agentHost where HQ dials its agent, usually the same address
 * @param agentPort the port HQ dials its agent at; the host's rules open it to anyone
 * @param roles its roles; empty means a plain server
 */
public record FirewallHost(String name, String address, String agentHost, int agentPort, Set<Role> roles) {

    public FirewallHost {
        requireNonNull(name, "name is null");
        if (name.isBlank()) {
            throw new IllegalArgumentException("a firewall host needs a name, such as its server id");
        }
        address = HostAddress.parse(requireNonNull(address, "address is null")).text();
        requireNonNull(agentHost, "agentHost is null");
        if (agentPort < 1 || agentPort > 65535) {
            throw new IllegalArgumentException("host " + name + ": the agent port must be from 1 to 65535, got "
                    + agentPort);
        }
        roles = roles == null || roles.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(roles));
    }

    /** A host whose agent listens on its grid address. */
    public static FirewallHost of(String name, String address, int agentPort, Set<Role> roles) {
        return new FirewallHost(name, address, address, agentPort, roles);
    }

    /**
     * Whether it lives on this machine's loopback (a local server): its firewall would be HQ's own machine's,
     * which HQ leaves alone.
     */
    public boolean isLoopback() {
        return isLoopback(address) || isLoopback(agentHost);
    }

    /** {@code s1 (10.0.0.1)}, how report lines name it. */
    public String describe() {
        return name + " (" + address + ")";
    }

    private static boolean isLoopback(String text) {
        return text.startsWith("127.") || text.equals("::1") || text.equals("localhost");
    }
}
