package dev.quarry.hq.grid;

import static java.util.Objects.requireNonNull;

import dev.quarry.router.model.RouterSettings;
import dev.quarry.slicegrid.model.Resources;
import java.time.Duration;

/**
 * How HQ runs its grid.
 *
 * @param router where the router's nginx listens
 * @param localServers how many servers HQ keeps at least (the grid's minimum; made at start when missing)
 * @param maxServers how many servers the grid may grow to when full; empty servers above the minimum are
 *     given back. 0: the grid is the servers it has, never grown or shrunk
 * @param localCapacity what HQ asks for when it adds a server (more when one container needs more)
 * @param drainGrace how long old containers keep running after routes stop naming them
 * @param reconcilePeriod how often HQ compares what runs with what should
 * @param source where servers come from: HQ's own process, pacific's local provider or DigitalOcean
 */
public record GridSettings(RouterSettings router, int localServers, int maxServers, Resources localCapacity,
        Duration drainGrace, Duration reconcilePeriod, ServerSource source) {
    public static final Resources DEFAULT_LOCAL_CAPACITY = Resources.of(8192, 8000);
    public static final Duration DEFAULT_DRAIN_GRACE = Duration.ofSeconds(2);
    public static final Duration DEFAULT_RECONCILE_PERIOD = Duration.ofSeconds(30);

    public GridSettings {
        requireNonNull(router, "router is null");
        requireNonNull(localCapacity, "localCapacity is null");
        requireNonNull(drainGrace, "drainGrace is null");
        requireNonNull(reconcilePeriod, "reconcilePeriod is null");
        requireNonNull(source, "source is null");
        if (localServers < 0 || maxServers < localServers) {
            throw new IllegalArgumentException("local servers must be 0 or more and at most the most servers ("
                    + maxServers + "), got " + localServers);
        }
        if (drainGrace.isNegative() || reconcilePeriod.isNegative() || reconcilePeriod.isZero()) {
            throw new IllegalArgumentException("the drain grace must not be negative and the reconcile period must"
                    + " be positive");
        }
    }

    /** The defaults: {@code localServers} embedded servers and no more, a 2 s drain, reconcile every 30 s. */
    public static GridSettings of(RouterSettings router, int localServers) {
        return new GridSettings(router, localServers, localServers, DEFAULT_LOCAL_CAPACITY, DEFAULT_DRAIN_GRACE,
                DEFAULT_RECONCILE_PERIOD, ServerSource.EMBEDDED);
    }

    public GridSettings withDrainGrace(Duration grace) {
        return new GridSettings(router, localServers, maxServers, localCapacity, grace, reconcilePeriod, source);
    }

    public GridSettings withReconcilePeriod(Duration period) {
        return new GridSettings(router, localServers, maxServers, localCapacity, drainGrace, period, source);
    }

    public GridSettings withMaxServers(int most) {
        return new GridSettings(router, localServers, most, localCapacity, drainGrace, reconcilePeriod, source);
    }

    public GridSettings withSource(ServerSource from) {
        return new GridSettings(router, localServers, maxServers, localCapacity, drainGrace, reconcilePeriod, from);
    }

    /** What a new server offers (or, from a provider, the least it is asked for). */
    public GridSettings withServerCapacity(Resources capacity) {
        return new GridSettings(router, localServers, maxServers, capacity, drainGrace, reconcilePeriod, source);
    }

    /** Whether HQ adds and removes servers (at start up to the minimum, when full up to the maximum). */
    public boolean addsServers() {
        return maxServers > 0;
    }
}
