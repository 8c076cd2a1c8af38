package dev.quarry.hq.lock;

import static java.util.Objects.requireNonNull;

import dev.quarry.hq.etcd.EtcdConnection;
import dev.quarry.hq.etcd.HqIdentity;
import dev.quarry.hq.etcd.KeptLease;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.function.Consumer;

/**
 * Deploy locks shared by the HQs of one etcd: a stack's lock is the key {@code /quarry/locks/deploy/<stack>}
 * naming its holder, created under a lease this HQ keeps alive while it holds the lock. Closing the lease
 * revokes it; an HQ that dies stops renewing it, and etcd frees the lock once the TTL has passed. Inside
 * this process a fair semaphore per stack queues deploys in arrival order, as with file locks.
 */
public final class EtcdDeployLocks implements DeployLocks {
    /** Where the locks live in etcd. */
    public static final String PREFIX = "/quarry/locks/deploy/";
    /** How long a dead HQ's lock outlives it unless told otherwise. */
    public static final Duration DEFAULT_TTL = Duration.ofSeconds(10);
    private static final Duration POLL = Duration.ofMillis(200);

    private final EtcdConnection connection;
    private final Clock clock;
    private final Duration maximumWait;
    private final Duration leaseTtl;
    private final HqIdentity identity = HqIdentity.current();
    private final StackQueue queue;

    public EtcdDeployLocks(EtcdConnection connection, Clock clock, Duration maximumWait, Duration leaseTtl) {
        this.connection = requireNonNull(connection, "connection is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.maximumWait = requireNonNull(maximumWait, "maximumWait is null");
        this.queue = new StackQueue(maximumWait);
        this.leaseTtl = requireNonNull(leaseTtl, "leaseTtl is null");
    }

    public EtcdDeployLocks(EtcdConnection connection, Clock clock, Duration maximumWait) {
        this(connection, clock, maximumWait, DEFAULT_TTL);
    }

    /** The etcd key that holds a stack's lock. */
    public String etcdKey(String stack) {
        return PREFIX + stack;
    }

    @Override
    public DeployLease acquire(String stack, String holder, Consumer<String> waiting) throws InterruptedException {
        Instant deadline = clock.instant().plus(maximumWait);
        EtcdLockKey key = new EtcdLockKey(connection, etcdKey(stack), stack);
        Semaphore semaphore = queue.join(stack, key::holder, waiting);
        try {
            KeptLease lease = KeptLease.grant(connection, leaseTtl, "the deploy lock of " + stack);
            try {
                take(key, describe(holder), lease, deadline, waiting);
            } catch (InterruptedException | RuntimeException e) {
                lease.close();
                throw e;
            }
            return () -> release(lease, semaphore);
        } catch (InterruptedException | RuntimeException e) {
            semaphore.release();
            throw e;
        }
    }

    private void take(EtcdLockKey key, String holder, KeptLease lease, Instant deadline, Consumer<String> waiting)
            throws InterruptedException {
        boolean told = false;
        for (Optional<String> busy = key.take(holder, lease.id()); busy.isPresent();
                busy = key.take(holder, lease.id())) {
            if (clock.instant().isAfter(deadline)) {
                throw DeployLockLines.timeout(key.stack(), maximumWait, busy.get());
            }
            if (!told) {
                waiting.accept(DeployLockLines.waiting(key.stack(), busy.get()));
                told = true;
            }
            Thread.sleep(POLL.toMillis());
        }
    }

    private static void release(KeptLease lease, Semaphore semaphore) {
        try {
            lease.close();
        } finally {
            semaphore.release();
        }
    }

    /** {@code push by alice (HQ pid 123 on hq-1, since 2026-11-23T17:40:01Z)}. */
    private String describe(String holder) {
        return holder.replaceAll("[\\r\\n]", " ") + " (" + identity.describe() + ", since " + clock.instant() + ")";
    }
}
