package dev.quarry.agent.protocol;

import dev.quarry.agent.runtime.ContainerId;

/**
 * Asks for a container's last lines of output.
 *
 * @param id the container
 * @param lines how many, from 1 to 10000; null means 100
 */
public record LogsRequest(String id, Integer lines) {
    public static final int DEFAULT_LINES = 100;
    public static final int MOST_LINES = 10_000;

    public LogsRequest {
        ContainerId.parse(id);
        lines = lines == null ? DEFAULT_LINES : lines;
        if (lines < 1 || lines > MOST_LINES) {
            throw new IllegalArgumentException("lines must be from 1 to " + MOST_LINES + ", got " + lines);
        }
    }
}
