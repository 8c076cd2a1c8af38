package dev.quarry.hq.state;

/** A stored value is torn or damaged. It is never taken for an empty one; the message names the file. */
public final class StateCorruptException extends StateException {
    public StateCorruptException(String message) {
        super(message);
    }
}
