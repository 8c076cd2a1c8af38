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
 * @param serverTtl how long a server's agent may leave HQ's heartbeat unanswered before the server is down
 *     (its containers then run elsewhere)
 * @param replaceAfter how long a server stays down before it is given back to its provider and, where the grid
 *     would fall below its minimum, replaced by a new one
 */
public record GridSettings(RouterSettings router, int localServers, int maxServers, Resources localCapacity,
        Duration drainGrace, Duration reconcilePeriod, ServerSource source, Duration serverTtl,
        Duration replaceAfter) {
    public static final Resources DEFAULT_LOCAL_CAPACITY = Resources.of(8192, 8000);
    public static final Duration DEFAULT_DRAIN_GRACE = Duration.ofSeconds(2);
    public static final Duration DEFAULT_RECONCILE_PERIOD = Duration.ofSeconds(30);
    public static final Duration DEFAULT_SERVER_TTL = Duration.ofSeconds(10);
    public static final Duration MINIMUM_SERVER_TTL = Duration.ofSeconds(1);
    public static final Duration DEFAULT_REPLACE_AFTER = Duration.ofMinutes(5);

    public GridSettings {
        requireNonNull(router, "router is null");
        requireNonNull(localCapacity, "localCapacity is null");
        requireNonNull(drainGrace, "drainGrace is null");
        requireNonNull(reconcilePeriod, "reconcilePeriod is null");
        requireNonNull(source, "source is null");
        requireNonNull(serverTtl, "serverTtl is null");
        requireNonNull(replaceAfter, "replaceAfter is null");
        if (replaceAfter.isNegative() || replaceAfter.isZero()) {
            throw new IllegalArgumentException("the replace-after grace must be longer than 0, got "
                    + replaceAfter.toMillis() + " ms");
        }
        if (localServers < 0 || maxServers < localServers) {
            throw new IllegalArgumentException("local servers must be 0 or more and at most the most servers ("
                    + maxServers + "), got " + localServers);
        }
        if (serverTtl.compareTo(MINIMUM_SERVER_TTL) < 0) {
            throw new IllegalArgumentException("the server TTL must be at least " + MINIMUM_SERVER_TTL.toMillis()
                    + " ms, got " + serverTtl.toMillis() + " ms");
        }
        if (drainGrace.isNegative() || reconcilePeriod.isNegative() || reconcilePeriod.isZero()) {
            throw new IllegalArgumentException("the drain grace must not be negative and the reconcile period must"
                    + " be positive");
        }
    }

    /**
     * The defaults: {@code localServers} embedded servers and no more, a 2 s drain, reconcile every 30 s, a
     * server down after 10 s without an answer and given back after 5 min down.
     */
    public static GridSettings of(RouterSettings router, int localServers) {
        return new GridSettings(router, localServers, localServers, DEFAULT_LOCAL_CAPACITY, DEFAULT_DRAIN_GRACE,
                DEFAULT_RECONCILE_PERIOD, ServerSource.EMBEDDED, DEFAULT_SERVER_TTL, DEFAULT_REPLACE_AFTER);
    }

    public GridSettings withDrainGrace(Duration grace) {
        return new GridSettings(router, localServers, maxServers, localCapacity, grace, reconcilePeriod, source,
                serverTtl, replaceAfter);
    }

    public GridSettings withReconcilePeriod(Duration period) {
        return new GridSettings(router, localServers, maxServers, localCapacity, drainGrace, period, source, serverTtl,
                replaceAfter);
    }

    public GridSettings withMaxServers(int most) {
        return new GridSettings(router, localServers, most, localCapacity, drainGrace, reconcilePeriod, source,
                serverTtl, replaceAfter);
    }

    public GridSettings withSource(ServerSource from) {
        return new GridSettings(router, localServers, maxServers, localCapacity, drainGrace, reconcilePeriod, from,
                serverTtl, replaceAfter);
    }

    /** What a new server offers (or, from a provider, the least it is asked for). */
    public GridSettings withServerCapacity(Resources capacity) {
        return new GridSettings(router, localServers, maxServers, capacity, drainGrace, reconcilePeriod, source,
                serverTtl, replaceAfter);
    }

    /** How long a silent agent's server stays on the grid before it is down and its containers move. */
    public GridSettings withServerTtl(Duration ttl) {
        return new GridSettings(router, localServers, maxServers, localCapacity, drainGrace, reconcilePeriod, source,
                ttl, replaceAfter);
    }

    /** How long a down server waits before it is given back to its provider (and replaced where needed). */
    public GridSettings withReplaceAfter(Duration grace) {
        return new GridSettings(router, localServers, maxServers, localCapacity, drainGrace, reconcilePeriod, source,
                serverTtl, grace);
    }

    /** Whether HQ adds and removes servers (at start up to the minimum, when full up to the maximum). */
    public boolean addsServers() {
        return maxServers > 0;
    }
}
