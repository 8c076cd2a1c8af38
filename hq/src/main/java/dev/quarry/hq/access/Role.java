package dev.quarry.hq.access;

import java.util.Locale;

/** What a key may do: an admin everything, a developer only the apps it created or was granted. */
public enum Role {
    ADMIN,
    DEVELOPER;

    /** {@code admin} or {@code developer}, as users read and write it. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }
}
