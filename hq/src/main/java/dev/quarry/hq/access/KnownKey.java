package dev.quarry.hq.access;

import static java.util.Objects.requireNonNull;

import java.security.PublicKey;

/**
 * One key HQ accepts, and whose it is.
 *
 * @param name the user
 * @param key the public key
 * @param inKeyFolder true for a key in this home's {@code keys/NAME.pub}, false for one added with {@code keys add}
 */
public record KnownKey(String name, PublicKey key, boolean inKeyFolder) {
    public KnownKey {
        requireNonNull(name, "name is null");
        requireNonNull(key, "key is null");
    }
}
