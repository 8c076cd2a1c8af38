package dev.quarry.pacific.local;

import static java.util.Objects.requireNonNull;

import dev.quarry.pacific.provider.Server;
import dev.quarry.pacific.provider.ServerSize;
import dev.quarry.pacific.provider.ServerState;
import java.math.BigDecimal;
import java.util.Optional;
import java.util.Set;

/**
 * The local provider's record of one server, kept in {@code servers/<id>/local.json}.
 *
 * @param allocation its address and ports
 * @param size the capacity slicegrid may fill (what was asked for, or resized to)
 * @param tags the tags it carries
 * @param agent its agent process, once started
 */
public record LocalServer(LocalAllocation allocation, ServerSize size, Set<String> tags, Optional<LaunchedAgent> agent) {
    public LocalServer {
        requireNonNull(allocation, "allocation is null");
        requireNonNull(size, "size is null");
        tags = Set.copyOf(requireNonNull(tags, "tags is null"));
        requireNonNull(agent, "agent is null");
    }

    public String id() {
        return allocation.id();
    }

    LocalServer withAgent(LaunchedAgent launched) {
        return new LocalServer(allocation, size, tags, Optional.of(launched));
    }

    LocalServer withSize(ServerSize newSize) {
        return new LocalServer(allocation, newSize, tags, agent);
    }

    /** As {@code quarry servers} shows it: active while its agent process runs, free of charge. */
    Server server() {
        boolean running = agent.flatMap(LaunchedAgent::process).isPresent();
        return new Server(id(), id(), allocation.address(), allocation.agentPort(), size, tags, BigDecimal.ZERO,
                running ? ServerState.ACTIVE : ServerState.OFF);
    }
}
