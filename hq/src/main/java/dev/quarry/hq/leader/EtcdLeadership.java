package dev.quarry.hq.leader;

import static java.util.Objects.requireNonNull;

import dev.quarry.hq.etcd.EtcdConnection;
import dev.quarry.hq.etcd.HqIdentity;
import dev.quarry.hq.etcd.KeptLease;
import io.etcd.jetcd.election.CampaignResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Leadership by etcd election: a background thread campaigns on a lease it keeps alive, and this HQ
 * leads from winning until the lease is lost or closed. {@link #isLeader} is true only while the lease
 * is {@linkplain KeptLease#confirmed confirmed}, so an HQ cut off from etcd stops leading before another
 * can win. A lost lease (etcd away for longer than the TTL) means campaigning again once etcd answers.
 * Closing resigns at once (the lease is revoked); an HQ that dies is replaced after the TTL.
 */
public final class EtcdLeadership implements Leadership {
    /** The election HQs sharing an etcd hold for the reconciler. */
    public static final String RECONCILER = "/quarry/leader/reconciler";
    /** How long a dead leader keeps leading unless told otherwise. */
    public static final Duration DEFAULT_TTL = Duration.ofSeconds(10);
    private static final Logger LOG = LoggerFactory.getLogger(EtcdLeadership.class);
    private static final Duration RETRY = Duration.ofSeconds(1);

    private final EtcdConnection connection;
    private final String election;
    private final Duration ttl;
    private final String proposal = HqIdentity.current().describe();
    private final CompletableFuture<Void> closing = new CompletableFuture<>();
    private final Thread campaigner;
    private volatile KeptLease leading;

    private EtcdLeadership(EtcdConnection connection, String election, Duration ttl) {
        this.connection = requireNonNull(connection, "connection is null");
        this.election = requireNonNull(election, "election is null");
        this.ttl = requireNonNull(ttl, "ttl is null");
        this.campaigner = Thread.ofPlatform().daemon().name("etcd-campaign " + election).unstarted(this::campaign);
    }

    /** Starts campaigning in the background; {@link #isLeader} is false until this HQ has won. */
    public static EtcdLeadership start(EtcdConnection connection, String election, Duration ttl) {
        EtcdLeadership leadership = new EtcdLeadership(connection, election, ttl);
        leadership.campaigner.start();
        return leadership;
    }

    @Override
    public boolean isLeader() {
        KeptLease lease = leading;
        return lease != null && lease.confirmed() && !closing.isDone();
    }

    /** Stops campaigning and, when leading, resigns at once by revoking the lease. */
    @Override
    public void close() {
        closing.complete(null);
        try {
            campaigner.join(connection.timeout().multipliedBy(2).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void campaign() {
        while (!closing.isDone()) {
            try {
                campaignOnce();
            } catch (RuntimeException | ExecutionException e) {
                Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
                LOG.warn("campaigning for {} on etcd at {}: {}; trying again in {} s", election,
                        connection.endpoint(), cause.getMessage(), RETRY.toSeconds());
                pause();
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** One lease: campaign on it, lead until it is lost or this closes, then revoke it. */
    private void campaignOnce() throws InterruptedException, ExecutionException {
        try (KeptLease lease = KeptLease.grant(connection, ttl, "leadership of " + election)) {
            CompletableFuture<CampaignResponse> won = connection.client().getElectionClient()
                    .campaign(EtcdConnection.bytes(election), lease.id(), EtcdConnection.bytes(proposal));
            CompletableFuture.anyOf(won, lease.lost(), closing).get();
            if (!won.isDone() || lease.lost().isDone() || closing.isDone()) {
                return;
            }
            won.get();
            leading = lease;
            LOG.info("{} leads {} on etcd at {}", proposal, election, connection.endpoint());
            CompletableFuture.anyOf(lease.lost(), closing).get();
            if (!closing.isDone()) {
                LOG.warn("{} lost the lead of {}: its lease was not renewed in time; campaigning again", proposal,
                        election);
            }
        } finally {
            leading = null;
        }
    }

    private void pause() {
        try {
            closing.get(RETRY.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            // the pause is over
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closing.complete(null);
        }
    }
}
