package dev.quarry.hq.release;

import static java.util.Objects.requireNonNull;

/**
 * A record read from the state store with the revision to write it back at.
 *
 * @param value the record
 * @param revision its revision in the store
 */
public record Stored<T>(T value, long revision) {
    public Stored {
        requireNonNull(value, "value is null");
    }
}
