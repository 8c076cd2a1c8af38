package dev.quarry.hq.etcd;

import io.etcd.jetcd.Lease;
import io.etcd.jetcd.common.exception.EtcdException;
import io.etcd.jetcd.common.exception.ErrorCode;
import io.etcd.jetcd.lease.LeaseGrantResponse;
import io.etcd.jetcd.lease.LeaseKeepAliveResponse;
import io.etcd.jetcd.support.CloseableClient;
import io.grpc.stub.StreamObserver;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An etcd lease this HQ keeps alive while it holds something under it (a deploy lock, leadership).
 * If this HQ dies, nobody renews it, and etcd deletes what was held under it once the TTL has passed.
 * The lease counts as {@link #confirmed} until nine tenths of the TTL after the last renewal was sent
 * (taken as a quarter second before its answer arrived), so this HQ lets go before etcd could have
 * expired it.
 */
public final class KeptLease implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(KeptLease.class);
    /** A renewal is counted from this long before its answer arrived: more than a round trip to etcd. */
    private static final Duration RENEWAL_SLACK = Duration.ofMillis(250);

    private final EtcdConnection connection;
    private final String purpose;
    private final long id;
    private final CompletableFuture<Void> lost = new CompletableFuture<>();
    private volatile long confirmedUntilNanos;
    private volatile CloseableClient keepAlive;

    private KeptLease(EtcdConnection connection, String purpose, long id) {
        this.connection = connection;
        this.purpose = purpose;
        this.id = id;
    }

    /**
     * Grants a lease of {@code ttl} (whole seconds, at least one; etcd may raise it to its minimum) and
     * starts keeping it alive.
     *
     * @param purpose for messages: {@code the deploy lock of shop}
     */
    public static KeptLease grant(EtcdConnection connection, Duration ttl, String purpose) {
        long seconds = Math.max(1, (ttl.toMillis() + 999) / 1000);
        long asked = System.nanoTime();
        LeaseGrantResponse granted = connection.await(lease(connection).grant(seconds),
                "granting a lease for " + purpose);
        KeptLease kept = new KeptLease(connection, purpose, granted.getID());
        kept.confirm(asked, granted.getTTL());
        kept.keepAlive = lease(connection).keepAlive(granted.getID(), kept.new Renewals());
        return kept;
    }

    public long id() {
        return id;
    }

    /** Whether etcd renewed the lease recently enough that it cannot have expired. */
    public boolean confirmed() {
        return !lost.isDone() && System.nanoTime() - confirmedUntilNanos < 0;
    }

    /** Completes when the lease is gone: expired, revoked, closed, or not renewed within its TTL. */
    public CompletableFuture<Void> lost() {
        return lost;
    }

    /** Stops renewing without revoking: etcd expires the lease after its TTL, as if this HQ had died. */
    public void abandon() {
        CloseableClient renewing = keepAlive;
        if (renewing != null) {
            renewing.close();
        }
        lost.complete(null);
    }

    /** Revokes the lease, so what was held under it is released at once. */
    @Override
    public void close() {
        abandon();
        try {
            connection.await(lease(connection).revoke(id), "revoking the lease of " + purpose);
        } catch (EtcdCallException e) {
            LOG.warn("{}; it expires by itself within its TTL", e.getMessage());
        }
    }

    private void confirm(long since, long ttlSeconds) {
        confirmedUntilNanos = since + Duration.ofSeconds(ttlSeconds).toNanos() * 9 / 10;
    }

    private static Lease lease(EtcdConnection connection) {
        return connection.client().getLeaseClient();
    }

    /** What etcd says about the renewals: a new TTL, a broken stream (jetcd reopens it), or a lost lease. */
    private final class Renewals implements StreamObserver<LeaseKeepAliveResponse> {
        @Override
        public void onNext(LeaseKeepAliveResponse renewed) {
            confirm(System.nanoTime() - RENEWAL_SLACK.toNanos(), renewed.getTTL());
        }

        @Override
        public void onError(Throwable error) {
            if (error instanceof EtcdException etcd && etcd.getErrorCode() == ErrorCode.NOT_FOUND) {
                LOG.warn("the lease of {} expired in etcd at {}", purpose, connection.endpoint());
                lost.complete(null);
            } else {
                LOG.debug("renewing the lease of {}: {}", purpose, error.getMessage());
            }
        }

        @Override
        public void onCompleted() {
            if (!lost.isDone()) {
                LOG.warn("the lease of {} was not renewed within its TTL by etcd at {}", purpose, connection.endpoint());
            }
            lost.complete(null);
        }
    }
}
