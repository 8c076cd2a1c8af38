package dev.quarry.hq.state;

/** The state store could not do what was asked; the message names the key or file and how to fix it. */
public class StateException extends RuntimeException {
    public StateException(String message) {
        super(message);
    }

    public StateException(String message, Throwable cause) {
        super(message, cause);
    }
}
