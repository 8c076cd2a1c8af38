package dev.quarry.agent.state;

import static java.util.Objects.requireNonNull;

import dev.quarry.agent.runtime.ContainerRequest;
import dev.quarry.agent.runtime.ContainerState;
import java.time.Instant;

/**
 * A container as the state file remembers it, enough for a restarted agent to find it again.
 *
 * @param request what it was started with, its port included
 * @param state its state when last written
 * @param handle its process id or Docker container id, or null
 * @param startedAt when its current instance started, or null
 * @param restarts how many times it was started again after exiting
 * @param exitCode its last exit status, or null
 */
public record RecordedContainer(ContainerRequest request, ContainerState state, String handle, Instant startedAt,
        int restarts, Integer exitCode) {
    public RecordedContainer {
        requireNonNull(request, "request is null");
        requireNonNull(state, "state is null");
    }
}
