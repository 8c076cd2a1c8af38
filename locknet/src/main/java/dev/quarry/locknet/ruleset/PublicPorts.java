package dev.quarry.locknet.ruleset;

import dev.quarry.locknet.grid.Ports;
import dev.quarry.locknet.grid.Role;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/** The TCP ports a host accepts from anywhere, by its roles. */
public final class PublicPorts {
    public static final int HTTP = 80;
    public static final int HTTPS = 443;

    private PublicPorts() {}

    /** SSH and the agent everywhere, HQ's endpoint on the HQ host, HTTP and HTTPS on the router; ascending. */
    public static SortedSet<Integer> of(Set<Role> roles, Ports ports) {
        SortedSet<Integer> open = new TreeSet<>();
        open.add(ports.ssh());
        open.add(ports.agent());
        if (roles.contains(Role.HQ)) {
            open.add(ports.hq());
        }
        if (roles.contains(Role.ROUTER)) {
            open.add(HTTP);
            open.add(HTTPS);
        }
        return open;
    }
}
