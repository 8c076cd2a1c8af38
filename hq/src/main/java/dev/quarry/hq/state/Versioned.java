package dev.quarry.hq.state;

import java.nio.charset.StandardCharsets;

/**
 * A stored value and the revision it was stored at; pass the revision back to write over it.
 *
 * @param value the bytes as written
 * @param revision positive; changes on every write of the key
 */
public record Versioned(byte[] value, long revision) {
    public Versioned {
        value = value.clone();
        if (revision <= StateStore.ABSENT) {
            throw new IllegalArgumentException("a stored revision is positive, got " + revision);
        }
    }

    @Override
    public byte[] value() {
        return value.clone();
    }

    /** The value as UTF-8 text. */
    public String text() {
        return new String(value, StandardCharsets.UTF_8);
    }
}
