package dev.quarry.hq.lock;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.hq.etcd.EtcdConnection;
import dev.quarry.testsupport.Commands;
import dev.quarry.testsupport.EtcdServer;
import dev.quarry.testsupport.JavaProcesses;
import dev.quarry.testsupport.ProcessOutput;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An HQ (its own JVM) holding an etcd deploy lock is killed with -9: the lock frees itself after the TTL. */
@SuppressWarnings("try") // the lease is held for its block, not used in it
class KilledLockHolderTest {
    private static final Duration TTL = Duration.ofSeconds(2);

    @TempDir
    Path folder;

    @Test
    void theLockOfAKilledHqIsFreedAfterTheTtl() throws Exception {
        try (EtcdServer etcd = EtcdServer.start(); EtcdConnection connection = EtcdConnection.open(etcd.endpoint())) {
            Path stdout = folder.resolve("holder.out");
            Path stderr = folder.resolve("holder.err");
            Process holder = JavaProcesses.start(DeployLockHolderMain.class.getName(),
                    List.of(etcd.endpoint(), "shop", Long.toString(TTL.toSeconds())), folder, stdout, stderr);
            try {
                ProcessOutput.awaitLine(holder, stdout, stderr, "holding the deploy lock of shop");
                assertThrows(DeployLockTimeoutException.class, () -> locks(connection, Duration.ofMillis(300))
                        .acquire("shop", "push by bob", line -> { }));
            } finally {
                Commands.kill(holder);
            }
            long killed = System.nanoTime();
            List<String> lines = new CopyOnWriteArrayList<>();
            try (DeployLease lease = locks(connection, Duration.ofMinutes(1)).acquire("shop", "push by bob", lines::add)) {
                Duration waited = Duration.ofNanos(System.nanoTime() - killed);
                assertTrue(lines.getFirst().contains("held by push held by a test (HQ pid " + holder.pid()),
                        lines.toString());
                assertTrue(waited.compareTo(TTL.plusSeconds(3)) < 0, "freed within the TTL, waited " + waited);
                System.out.println("the lock of the killed HQ was free after " + waited.toMillis() + " ms");
            }
        }
    }

    private static EtcdDeployLocks locks(EtcdConnection connection, Duration maximumWait) {
        return new EtcdDeployLocks(connection, Clock.systemUTC(), maximumWait, TTL);
    }
}
