package dev.quarry.hq.grid;

import static java.util.Objects.requireNonNull;

import dev.quarry.router.model.RouterSettings;
import dev.quarry.slicegrid.model.Resources;
import java.time.Duration;

/**
 * How HQ runs its grid.
 *
 * @param router where the router's nginx listens
 * @param localServers how many local servers HQ keeps at least (started on this machine at start)
 * @param maxServers how many servers the grid may grow to by starting local servers when full; at most
 *     the servers it has when no more may be started
 * @param localCapacity what one local server offers slicegrid
 * @param drainGrace how long old containers keep running after routes stop naming them
 * @param reconcilePeriod how often HQ compares what runs with what should
 */
public record GridSettings(RouterSettings router, int localServers, int maxServers, Resources localCapacity,
        Duration drainGrace, Duration reconcilePeriod) {
    public static final Resources DEFAULT_LOCAL_CAPACITY = Resources.of(8192, 8000);
    public static final Duration DEFAULT_DRAIN_GRACE = Duration.ofSeconds(2);
    public static final Duration DEFAULT_RECONCILE_PERIOD = Duration.ofSeconds(30);

    public GridSettings {
        requireNonNull(router, "router is null");
        requireNonNull(localCapacity, "localCapacity is null");
        requireNonNull(drainGrace, "drainGrace is null");
        requireNonNull(reconcilePeriod, "reconcilePeriod is null");
        if (localServers < 0 || maxServers < localServers) {
            throw new IllegalArgumentException("local servers must be 0 or more and at most the most servers ("
                    + maxServers + "), got " + localServers);
        }
        if (drainGrace.isNegative() || reconcilePeriod.isNegative() || reconcilePeriod.isZero()) {
            throw new IllegalArgumentException("the drain grace must not be negative and the reconcile period must"
                    + " be positive");
        }
    }

    /** The defaults: {@code localServers} local servers and no more, a 2 s drain, reconcile every 30 s. */
    public static GridSettings of(RouterSettings router, int localServers) {
        return new GridSettings(router, localServers, localServers, DEFAULT_LOCAL_CAPACITY, DEFAULT_DRAIN_GRACE,
                DEFAULT_RECONCILE_PERIOD);
    }

    public GridSettings withDrainGrace(Duration grace) {
        return new GridSettings(router, localServers, maxServers, localCapacity, grace, reconcilePeriod);
    }

    public GridSettings withReconcilePeriod(Duration period) {
        return new GridSettings(router, localServers, maxServers, localCapacity, drainGrace, period);
    }

    public GridSettings withMaxServers(int most) {
        return new GridSettings(router, localServers, most, localCapacity, drainGrace, reconcilePeriod);
    }

    /** Whether HQ starts local servers (at start, and when the grid is full and below its maximum). */
    public boolean startsLocalServers() {
        return maxServers > 0;
    }
}
