package dev.quarry.hq.launch;

import static java.util.Objects.requireNonNull;

import dev.quarry.hq.grid.ServerSettings;

/**
 * A planned container and the server its room is reserved on.
 *
 * @param plan the container
 * @param server where it goes
 */
public record Placed(ContainerPlan plan, ServerSettings server) {
    public Placed {
        requireNonNull(plan, "plan is null");
        requireNonNull(server, "server is null");
    }
}
