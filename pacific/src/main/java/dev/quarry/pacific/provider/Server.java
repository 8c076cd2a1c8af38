package dev.quarry.pacific.provider;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.util.Set;
import java.util.TreeSet;

/**
 * A server a provider made for the grid, as {@code quarry servers} shows it.
 *
 * @param id the provider's id for it ({@code local-3}, a droplet's number); what {@code remove} and {@code resize} take
 * @param name its host name ({@code quarry-main-k3v9qa})
 * @param address the IPv4 address HQ reaches its agent on; empty while a starting server has none yet
 * @param agentPort the TCP port its Quarry agent listens on
 * @param size the memory and cpu it offers
 * @param tags the tags it carries, for quarry.yml's {@code tags:}
 * @param hourlyPrice what it costs per hour in US dollars (0 for a local server)
 * @param state where it is in its life
 * @param agentHostKey its agent's SSH host key in OpenSSH's one-line form when the provider made the key (a new
 *     droplet), for HQ's known_hosts; known only in {@code add}'s answer, empty otherwise and for local servers
 *     (trusted on first use on loopback)
 */
public record Server(String id, String name, String address, int agentPort, ServerSize size, Set<String> tags,
        BigDecimal hourlyPrice, ServerState state, String agentHostKey) {

    /** A server whose agent's host key the provider does not know. */
    public Server(String id, String name, String address, int agentPort, ServerSize size, Set<String> tags,
            BigDecimal hourlyPrice, ServerState state) {
        this(id, name, address, agentPort, size, tags, hourlyPrice, state, "");
    }

    public Server {
        requireText(id, "id");
        requireText(name, "name");
        requireNonNull(address, "address is null");
        if (agentPort < 1 || agentPort > 65535) {
            throw new IllegalArgumentException("agent port " + agentPort + " of server " + id + " is not a TCP port");
        }
        requireNonNull(size, "size is null");
        tags = Set.copyOf(requireNonNull(tags, "tags is null"));
        requireNonNull(hourlyPrice, "hourlyPrice is null");
        if (hourlyPrice.signum() < 0) {
            throw new IllegalArgumentException("hourly price of server " + id + " must not be negative");
        }
        requireNonNull(state, "state is null");
        requireNonNull(agentHostKey, "agentHostKey is null");
    }

    /** The same server with its agent's host key, as the provider made it. */
    public Server withAgentHostKey(String line) {
        return new Server(id, name, address, agentPort, size, tags, hourlyPrice, state, line);
    }

    /** The same server with another size, as a resize leaves it. */
    public Server withSize(ServerSize newSize, BigDecimal newHourlyPrice) {
        return new Server(id, name, address, agentPort, newSize, tags, newHourlyPrice, state, agentHostKey);
    }

    /** One line: {@code quarry-main-k3v9qa (id 3164494, 203.0.113.10:2200, 2048M,2000m, tags ssd, $0.02679/h, active)}. */
    public String describe() {
        String where = address.isEmpty() ? "no address yet" : address + ":" + agentPort;
        String tagText = tags.isEmpty() ? "" : ", tags " + String.join(" ", new TreeSet<>(tags));
        return name + " (id " + id + ", " + where + ", " + size + tagText + ", $" + hourlyPrice.toPlainString()
                + "/h, " + state + ")";
    }

    private static void requireText(String value, String what) {
        requireNonNull(value, what + " is null");
        if (value.isBlank()) {
            throw new IllegalArgumentException("server " + what + " must not be blank");
        }
    }
}
