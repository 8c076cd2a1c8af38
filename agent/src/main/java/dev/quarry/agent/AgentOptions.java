package dev.quarry.agent;

import dev.quarry.agent.ports.PortRange;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The settings {@code quarry agent} builds from its options and environment; every mistake is a
 * one-line IllegalArgumentException saying what would be valid.
 */
public final class AgentOptions {
    public static final String DEFAULT_LISTEN = "127.0.0.1:" + AgentSettings.DEFAULT_PORT;
    private static final Pattern ADDRESS = Pattern.compile("\\[?([0-9A-Fa-f:.]+)]?:([0-9]{1,5})");

    private AgentOptions() {}

    public static AgentSettings of(Optional<String> home, Optional<String> listen, Optional<String> hqKey,
            Optional<String> ports, Optional<String> dockerHost, Map<String, String> environment) {
        Path folder = home.map(Path::of).orElseGet(() -> defaultHome(environment));
        AgentSettings settings = AgentSettings.of(folder, listenAddress(listen.orElse(DEFAULT_LISTEN)),
                hqKey.map(Path::of).orElse(null), portRange(ports));
        return dockerHost.map(settings::withDockerHost).orElse(settings);
    }

    /** QUARRY_AGENT_HOME, else QUARRY_HOME/agent, else /home/quarry/agent for root and ~/.quarry/agent for others. */
    static Path defaultHome(Map<String, String> environment) {
        if (environment.containsKey("QUARRY_AGENT_HOME")) {
            return Path.of(environment.get("QUARRY_AGENT_HOME"));
        }
        if (environment.containsKey("QUARRY_HOME")) {
            return Path.of(environment.get("QUARRY_HOME"), "agent");
        }
        boolean root = "root".equals(System.getProperty("user.name"));
        return root ? Path.of("/home/quarry/agent") : Path.of(System.getProperty("user.home"), ".quarry", "agent");
    }

    /** {@code 127.0.5.2:2200} or {@code [::1]:2200}: an IP address written out, and a port. */
    static InetSocketAddress listenAddress(String text) {
        Matcher matcher = ADDRESS.matcher(text);
        int port = matcher.matches() ? Integer.parseInt(matcher.group(2)) : -1;
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("--listen must be ADDR:PORT with an IP address, such as "
                    + DEFAULT_LISTEN + " or [::1]:2200, got \"" + text + "\"");
        }
        try {
            return new InetSocketAddress(InetAddress.getByName(matcher.group(1)), port);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("--listen: \"" + matcher.group(1) + "\" is not an IP address", e);
        }
    }

    private static PortRange portRange(Optional<String> ports) {
        try {
            return ports.map(PortRange::parse).orElse(PortRange.DEFAULT);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--ports: " + e.getMessage(), e);
        }
    }
}
