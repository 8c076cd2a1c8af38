package dev.quarry.hq.lock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.hq.etcd.EtcdConnection;
import dev.quarry.testsupport.EtcdServer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Deploy locks of two HQs (two etcd clients) sharing one real etcd. */
@SuppressWarnings("try") // leases are held for their blocks, not used in them
class EtcdDeployLocksTest {
    private static final Duration TTL = Duration.ofSeconds(2);
    private static EtcdServer etcd;

    @BeforeAll
    static void startEtcd() {
        etcd = EtcdServer.start();
    }

    @AfterAll
    static void stopEtcd() {
        etcd.close();
    }

    static EtcdDeployLocks locks(EtcdConnection connection, Duration maximumWait) {
        return new EtcdDeployLocks(connection, Clock.systemUTC(), maximumWait, TTL);
    }

    static Optional<String> holderOf(EtcdConnection connection, String stack) {
        return connection.await(connection.client().getKVClient().get(EtcdConnection.bytes(EtcdDeployLocks.PREFIX
                + stack)), "reading the lock").getKvs().stream().findFirst()
                .map(held -> held.getValue().toString(StandardCharsets.UTF_8));
    }

    @Test
    void aLeaseHoldsTheKeyNamingItsHolderUntilClosed() throws Exception {
        try (EtcdConnection connection = EtcdConnection.open(etcd.endpoint())) {
            try (DeployLease lease = locks(connection, Duration.ofMinutes(1)).acquire("blog", "push by alice", line -> { })) {
                String holder = holderOf(connection, "blog").orElseThrow();
                assertTrue(holder.startsWith("push by alice (HQ pid " + ProcessHandle.current().pid() + " on "), holder);
            }
            assertEquals(Optional.empty(), holderOf(connection, "blog"));
        }
    }

    @Test
    void twoHqsDeployingOneStackGoOneAfterTheOtherAndTheSecondIsToldWhy() throws Exception {
        try (EtcdConnection first = EtcdConnection.open(etcd.endpoint());
                EtcdConnection second = EtcdConnection.open(etcd.endpoint())) {
            CountDownLatch told = new CountDownLatch(1);
            List<String> lines = new CopyOnWriteArrayList<>();
            CompletableFuture<Void> waiting;
            try (DeployLease held = locks(first, Duration.ofMinutes(1)).acquire("shop", "push by alice", line -> { })) {
                waiting = CompletableFuture.runAsync(() -> {
                    try (DeployLease lease = locks(second, Duration.ofMinutes(1)).acquire("shop", "push by bob", line -> {
                        lines.add(line);
                        told.countDown();
                    })) {
                        lines.add("acquired");
                    } catch (InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                });
                told.await();
                Thread.sleep(500);
                assertFalse(lines.contains("acquired"), "the second HQ waits");
            }
            waiting.join();
            assertTrue(lines.getFirst().startsWith("waiting for the deploy lock of shop, held by push by alice (HQ pid "),
                    lines.getFirst());
            assertEquals("acquired", lines.getLast());
        }
    }

    @Test
    void differentStacksDoNotWaitForEachOther() throws Exception {
        try (EtcdConnection first = EtcdConnection.open(etcd.endpoint());
                EtcdConnection second = EtcdConnection.open(etcd.endpoint())) {
            List<String> waited = new CopyOnWriteArrayList<>();
            try (DeployLease shop = locks(first, Duration.ofMinutes(1)).acquire("shop", "push", waited::add);
                    DeployLease blog = locks(second, Duration.ofMinutes(1)).acquire("blog", "push", waited::add)) {
                assertEquals(List.of(), waited);
            }
        }
    }

    @Test
    void aBusyLockIsWaitedForUpToTheLimitNamingItsHolder() throws Exception {
        try (EtcdConnection first = EtcdConnection.open(etcd.endpoint());
                EtcdConnection second = EtcdConnection.open(etcd.endpoint());
                DeployLease held = locks(first, Duration.ofMinutes(1)).acquire("wiki", "push by alice", line -> { })) {
            DeployLockTimeoutException timeout = assertThrows(DeployLockTimeoutException.class,
                    () -> locks(second, Duration.ofMillis(300)).acquire("wiki", "push by bob", line -> { }));
            assertTrue(timeout.getMessage().startsWith("the deploy lock of wiki stayed busy for 300 ms, held by push by"
                    + " alice (HQ pid "), timeout.getMessage());
            assertTrue(timeout.getMessage().endsWith("; try again when that deploy ends"), timeout.getMessage());
        }
    }

    @Test
    void theLockOfAnHqThatStoppedRenewingIsFreedAfterTheTtl() throws Exception {
        EtcdConnection dying = EtcdConnection.open(etcd.endpoint());
        locks(dying, Duration.ofMinutes(1)).acquire("shop-2", "push by a dying HQ", line -> { });
        dying.close();
        try (EtcdConnection survivor = EtcdConnection.open(etcd.endpoint())) {
            List<String> lines = new CopyOnWriteArrayList<>();
            long started = System.nanoTime();
            try (DeployLease lease = locks(survivor, Duration.ofMinutes(1)).acquire("shop-2", "push by bob", lines::add)) {
                Duration waited = Duration.ofNanos(System.nanoTime() - started);
                assertTrue(lines.getFirst().contains("held by push by a dying HQ"), lines.toString());
                assertTrue(waited.compareTo(TTL.plusSeconds(3)) < 0, "freed within the TTL, waited " + waited);
            }
        }
    }
}
