package dev.quarry.pacific.local;

import static java.util.Objects.requireNonNull;

import java.util.regex.Pattern;

/**
 * What one local server was given: a number (its id is {@code local-<number>}), a loopback address, the agent's port
 * and the ports its containers may use. No two local servers share an address, an agent port or a port.
 */
public record LocalAllocation(int number, String address, int agentPort, PortRange ports) {
    static final Pattern ID = Pattern.compile("local-([1-9][0-9]{0,8})");

    public LocalAllocation {
        if (number < 1) {
            throw new IllegalArgumentException("local server number must be at least 1, got " + number);
        }
        requireNonNull(address, "address is null");
        if (!LoopbackAddresses.isLoopback(address)) {
            throw new IllegalArgumentException("local server address " + address + " is not one of pacific's "
                    + "loopback addresses (127.0.X.Y, not 127.0.0.1)");
        }
        requireNonNull(ports, "ports is null");
        if (agentPort < 1 || agentPort > 65535 || ports.contains(agentPort)) {
            throw new IllegalArgumentException("agent port " + agentPort + " must be a TCP port outside " + ports);
        }
    }

    public String id() {
        return "local-" + number;
    }

    /** The agent port and the container ports together. */
    PortRange allPorts() {
        return new PortRange(Math.min(agentPort, ports.first()), Math.max(agentPort, ports.last()));
    }

    boolean clashesWith(LocalAllocation other) {
        return number == other.number || address.equals(other.address) || allPorts().overlaps(other.allPorts());
    }
}
