package dev.quarry.agent.runtime;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * One probe of a container, kept in its health history.
 *
 * @param at when the probe ended
 * @param passed whether it passed
 * @param answer what the container answered ("GET http://...: HTTP 500", "no answer within 2000 ms")
 */
public record ProbeOutcome(Instant at, boolean passed, String answer) {
    public ProbeOutcome {
        requireNonNull(at, "at is null");
        requireNonNull(answer, "answer is null");
    }
}
