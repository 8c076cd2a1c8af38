package dev.quarry.hq.dashboard;

import dev.quarry.hq.grid.Grid;
import dev.quarry.hq.grid.GridListing;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * What the agents report, asked at most once per {@link #FRESH}: every open page re-renders a few times a second,
 * and they share one round of questions to the agents.
 */
final class ListingCache {
    static final Duration FRESH = Duration.ofMillis(250);

    private final Optional<Grid> grid;
    private final Clock clock;
    private GridListing listing = new GridListing(java.util.List.of(), Map.of());
    private Instant asked = Instant.MIN;

    ListingCache(Optional<Grid> grid, Clock clock) {
        this.grid = grid;
        this.clock = clock;
    }

    synchronized GridListing listing() {
        if (grid.isEmpty()) {
            return listing;
        }
        Instant now = clock.instant();
        if (asked.plus(FRESH).isBefore(now) || asked.equals(Instant.MIN)) {
            listing = grid.get().list();
            asked = clock.instant();
        }
        return listing;
    }
}
