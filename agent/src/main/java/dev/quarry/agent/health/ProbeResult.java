package dev.quarry.agent.health;

import static java.util.Objects.requireNonNull;

/**
 * How one try went.
 *
 * @param passed whether the container answered as a healthy one does
 * @param answer what it answered, such as "HTTP 200", "HTTP 503" or "connection refused"
 */
public record ProbeResult(boolean passed, String answer) {
    public ProbeResult {
        requireNonNull(answer, "answer is null");
    }
}
