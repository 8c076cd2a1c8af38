package dev.quarry.hq.grid;

import static java.util.Objects.requireNonNull;

import dev.quarry.agent.runtime.ContainerStatus;

/**
 * A container as its server's agent reports it.
 *
 * @param server the server it is on
 * @param status what the agent says about it
 */
public record RunningContainer(ServerSettings server, ContainerStatus status) {
    public RunningContainer {
        requireNonNull(server, "server is null");
        requireNonNull(status, "status is null");
    }

    public String id() {
        return status.id();
    }

    /** {@code host:port}. */
    public String address() {
        return status.host() + ":" + status.port();
    }
}
