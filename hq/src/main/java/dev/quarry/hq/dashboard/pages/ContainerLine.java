package dev.quarry.hq.dashboard.pages;

import static java.util.Objects.requireNonNull;

import java.util.List;

/** One container as its agent reports it. */
public record ContainerLine(String id, String node, String server, String address, String state, int restarts,
        int release, List<String> notes) {
    public ContainerLine {
        requireNonNull(id, "id is null");
        requireNonNull(node, "node is null");
        requireNonNull(server, "server is null");
        requireNonNull(address, "address is null");
        requireNonNull(state, "state is null");
        notes = List.copyOf(notes);
    }
}
