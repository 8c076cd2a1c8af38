package dev.quarry.hq.dashboard;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * A logged-in browser.
 *
 * @param id the cookie's value
 * @param user the name of the key whose link opened it; pages and actions have that key's access
 * @param csrf the token every action's form must carry
 * @param expires when it ends
 */
public record Session(String id, String user, String csrf, Instant expires) {
    public Session {
        requireNonNull(id, "id is null");
        requireNonNull(user, "user is null");
        requireNonNull(csrf, "csrf is null");
        requireNonNull(expires, "expires is null");
    }
}
