package dev.quarry.hq.access;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * One state-changing action in the audit log.
 *
 * @param at when
 * @param who the key that did it ({@code hq} for HQ itself)
 * @param address the address it came from ({@code -} for HQ itself)
 * @param app the app it changed; empty for keys and access of no app
 * @param what what was done, such as {@code access grant bob hello} or {@code force push hello main: 1a2b -> 3c4d}
 */
public record AuditEntry(Instant at, String who, String address, String app, String what) {
    public AuditEntry {
        requireNonNull(at, "at is null");
        requireNonNull(who, "who is null");
        requireNonNull(address, "address is null");
        requireNonNull(app, "app is null");
        requireNonNull(what, "what is null");
        if (what.lines().count() > 1) {
            throw new IllegalArgumentException("an audit entry is one line: \"" + what + "\"");
        }
    }
}
