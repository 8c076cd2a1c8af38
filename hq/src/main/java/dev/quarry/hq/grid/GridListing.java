package dev.quarry.hq.grid;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What every agent of the grid reported at one moment.
 *
 * @param containers every container of every agent that answered
 * @param unreachable for each server whose agent did not answer, why
 * @param lastSeen the containers those agents reported when they last answered (they may still serve)
 * @param oneOffs the one-off commands ({@code run}) running now: shown by ps, never routed, placed nor removed
 */
public record GridListing(List<RunningContainer> containers, Map<String, String> unreachable,
        List<RunningContainer> lastSeen, List<RunningContainer> oneOffs) {
    public GridListing {
        containers = List.copyOf(containers);
        unreachable = Map.copyOf(unreachable);
        lastSeen = List.copyOf(lastSeen);
        oneOffs = List.copyOf(oneOffs);
    }

    /** A listing without one-off commands. */
    public GridListing(List<RunningContainer> containers, Map<String, String> unreachable,
            List<RunningContainer> lastSeen) {
        this(containers, unreachable, lastSeen, List.of());
    }

    /** A listing with nothing known of the unreachable servers' containers. */
    public GridListing(List<RunningContainer> containers, Map<String, String> unreachable) {
        this(containers, unreachable, List.of(), List.of());
    }

    /** A container last reported by an agent that does not answer now. */
    public Optional<RunningContainer> findLastSeen(String id) {
        return lastSeen.stream().filter(container -> container.id().equals(id)).findFirst();
    }

    /** The containers of one stack. */
    public List<RunningContainer> ofStack(String stack) {
        return containers.stream().filter(container -> container.status().stack().equals(stack)).toList();
    }

    public Optional<RunningContainer> find(String id) {
        return containers.stream().filter(container -> container.id().equals(id)).findFirst();
    }

    /** Whether a server's agent did not answer (what runs there is unknown, not absent). */
    public boolean isUnknown(String serverId) {
        return unreachable.containsKey(serverId);
    }
}
