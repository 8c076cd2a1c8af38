package dev.quarry.hq.access;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;

/**
 * When HQ first recorded access ({@code access/started.json}) and which keys it made admins then: every
 * key in {@code keys/} at a home's first use, or at an older home's first start with access.
 */
public record AccessStart(Instant at, List<String> admins) {
    public AccessStart {
        requireNonNull(at, "at is null");
        admins = List.copyOf(admins);
    }
}
