package dev.quarry.hq.access;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;

/**
 * One user's role and the keys HQ keeps for it: {@code access/users/NAME.json}.
 *
 * @param name the user's name (that of its key file for keys under {@code keys/})
 * @param role admin or developer
 * @param keys public keys added with {@code keys add} or, with etcd, shared from an HQ's {@code keys/NAME.pub}
 *     ({@link KeyFileSharing}), one OpenSSH line each; empty when the user's keys are only that file (no etcd)
 * @param added when the record was made
 * @param addedBy who made it ({@code hq} for the admins of a home's first use)
 */
public record UserRecord(String name, Role role, List<String> keys, Instant added, String addedBy) {
    public UserRecord {
        if (!KeyNames.isName(name)) {
            throw new IllegalArgumentException("not a key name: \"" + name + "\"");
        }
        requireNonNull(role, "role is null");
        keys = List.copyOf(keys);
        requireNonNull(added, "added is null");
        requireNonNull(addedBy, "addedBy is null");
    }
}
