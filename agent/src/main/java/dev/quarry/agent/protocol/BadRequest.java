package dev.quarry.agent.protocol;

/** A request the agent refuses as written (unknown verb, bad JSON, bad name): the caller must change it. */
public final class BadRequest extends RuntimeException {
    public BadRequest(String message) {
        super(message);
    }
}
