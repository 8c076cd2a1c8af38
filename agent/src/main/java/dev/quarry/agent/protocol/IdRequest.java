package dev.quarry.agent.protocol;

import dev.quarry.agent.runtime.ContainerId;

/**
 * Names one container (health).
 *
 * @param id the container
 */
public record IdRequest(String id) {
    public IdRequest {
        ContainerId.parse(id);
    }
}
