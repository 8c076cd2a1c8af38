package dev.quarry.hq.lock;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@SuppressWarnings("try") // leases are held for their blocks, not used in them
class FileDeployLocksTest {
    @TempDir
    Path folder;

    private FileDeployLocks locks(Duration maximumWait) {
        return new FileDeployLocks(folder, Clock.systemUTC(), maximumWait);
    }

    @Test
    void aLeaseHoldsTheFileUntilClosed() throws Exception {
        FileDeployLocks locks = locks(Duration.ofMinutes(1));
        try (DeployLease lease = locks.acquire("shop", "push by alice", line -> { })) {
            String content = Files.readString(locks.file("shop"));
            assertTrue(content.contains("pid=" + ProcessHandle.current().pid()), content);
            assertTrue(content.contains("holder=push by alice"), content);
        }
        assertFalse(Files.exists(locks.file("shop")));
    }

    @Test
    void differentStacksDoNotWaitForEachOther() throws Exception {
        FileDeployLocks locks = locks(Duration.ofMinutes(1));
        List<String> waited = new CopyOnWriteArrayList<>();
        try (DeployLease shop = locks.acquire("shop", "push", waited::add);
                DeployLease blog = locks.acquire("blog", "push", waited::add)) {
            assertEquals(List.of(), waited);
        }
    }

    @Test
    void theSecondDeployOfAStackWaitsAndIsToldWhy() throws Exception {
        FileDeployLocks locks = locks(Duration.ofMinutes(1));
        CountDownLatch told = new CountDownLatch(1);
        List<String> lines = new CopyOnWriteArrayList<>();
        CompletableFuture<Void> second;
        try (DeployLease first = locks.acquire("shop", "push by alice", line -> { })) {
            second = CompletableFuture.runAsync(() -> {
                try (DeployLease lease = locks.acquire("shop", "push by bob", line -> {
                    lines.add(line);
                    told.countDown();
                })) {
                    lines.add("acquired");
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            });
            told.await();
            assertFalse(lines.contains("acquired"), "the second deploy waits");
        }
        second.join();
        assertTrue(lines.getFirst().startsWith("waiting for the deploy lock of shop, held by push by alice (HQ pid "),
                lines.getFirst());
        assertEquals("acquired", lines.getLast());
    }

    @Test
    void aLockLeftByADeadProcessIsReaped() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        Files.writeString(locks(Duration.ofMinutes(1)).file("shop"), new LockOwner(gone.pid(), Instant.EPOCH,
                "push by a crashed HQ", Instant.EPOCH).toText(), UTF_8);
        List<String> waited = new CopyOnWriteArrayList<>();
        try (DeployLease lease = locks(Duration.ofMinutes(1)).acquire("shop", "push by alice", waited::add)) {
            assertEquals(List.of(), waited, "no wait for a dead owner");
            assertTrue(Files.readString(locks(Duration.ofMinutes(1)).file("shop")).contains("push by alice"));
        }
    }

    @Test
    void anUnreadableLockFileIsReaped() throws Exception {
        Files.writeString(locks(Duration.ofMinutes(1)).file("shop"), "", UTF_8);
        try (DeployLease lease = locks(Duration.ofMinutes(1)).acquire("shop", "push", line -> { })) {
            assertTrue(Files.readString(locks(Duration.ofMinutes(1)).file("shop")).contains("holder=push"));
        }
    }

    @Test
    void aLockHeldByAnotherLiveProcessIsWaitedForUpToTheLimit() throws Exception {
        Process other = new ProcessBuilder("sleep", "60").start();
        try {
            Instant started = other.info().startInstant().orElse(Instant.EPOCH);
            Files.writeString(locks(Duration.ofMinutes(1)).file("shop"),
                    new LockOwner(other.pid(), started, "push by bob", Instant.EPOCH).toText(), UTF_8);
            DeployLockTimeoutException timeout = assertThrows(DeployLockTimeoutException.class,
                    () -> locks(Duration.ofMillis(300)).acquire("shop", "push by alice", line -> { }));
            assertTrue(timeout.getMessage().contains("held by push by bob (HQ pid " + other.pid()),
                    timeout.getMessage());
            assertTrue(Files.exists(locks(Duration.ofMinutes(1)).file("shop")), "a live owner's lock stays");
        } finally {
            other.destroyForcibly();
            other.waitFor();
        }
    }
}
