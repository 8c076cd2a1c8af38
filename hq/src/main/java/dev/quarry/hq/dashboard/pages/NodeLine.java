package dev.quarry.hq.dashboard.pages;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * One node of an app's live release.
 *
 * @param node its name
 * @param scale how many containers the release asks for
 * @param running how many of them run now (as the agents report)
 * @param domains the domains routed to it
 * @param limits its memory and cpu per container, such as {@code 256M, 100m cpu}
 */
public record NodeLine(String node, int scale, int running, List<String> domains, String limits) {
    public NodeLine {
        requireNonNull(node, "node is null");
        domains = List.copyOf(domains);
        requireNonNull(limits, "limits is null");
    }
}
