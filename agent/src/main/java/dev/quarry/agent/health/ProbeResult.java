package dev.quarry.agent.health;

import static java.util.Objects.requireNonNull;

/**
 * How one try went.
 *
 * @param passed whether the container answered as a healthy one does
 * @param answer what it answered, such as "HTTP 200", "HTTP 503" or "connection refused"
 * @param reached whether anything listened (a connection was made), even if it did not pass: a container that
 *     is reached but fails is warming up (or hung), one not reached is still booting (or gone)
 */
public record ProbeResult(boolean passed, String answer, boolean reached) {
    public ProbeResult {
        requireNonNull(answer, "answer is null");
    }

    /** A result that reached the container exactly when it passed. */
    public ProbeResult(boolean passed, String answer) {
        this(passed, answer, passed);
    }
}
