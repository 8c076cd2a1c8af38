package dev.quarry.pacific.local;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.List;

/**
 * How to start one local server's agent:
 * {@code quarry agent --home DIR --listen ADDRESS:PORT --hq-key FILE --ports FROM-TO}, its output going to {@code log}.
 */
public record AgentCommand(Path home, String address, int port, Path hqKey, PortRange ports, Path log) {
    public AgentCommand {
        requireNonNull(home, "home is null");
        requireNonNull(address, "address is null");
        requireNonNull(hqKey, "hqKey is null");
        requireNonNull(ports, "ports is null");
        requireNonNull(log, "log is null");
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("agent port " + port + " is not a TCP port");
        }
    }

    /** The arguments after {@code quarry}. */
    public List<String> arguments() {
        return List.of("agent", "--home", home.toString(), "--listen", address + ":" + port,
                "--hq-key", hqKey.toString(), "--ports", ports.toString());
    }
}
