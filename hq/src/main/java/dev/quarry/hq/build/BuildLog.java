package dev.quarry.hq.build;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * One build's whole output.
 *
 * @param node the node it built
 * @param server the server it ran on
 * @param lines its output, oldest first
 */
public record BuildLog(String node, String server, List<String> lines) {
    public BuildLog {
        requireNonNull(node, "node is null");
        requireNonNull(server, "server is null");
        lines = List.copyOf(lines);
    }
}
