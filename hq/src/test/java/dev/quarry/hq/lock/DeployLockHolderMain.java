package dev.quarry.hq.lock;

import dev.quarry.hq.etcd.EtcdConnection;
import java.time.Clock;
import java.time.Duration;

/** A stand-in HQ for kill -9 tests: takes a stack's etcd deploy lock, says so, and holds it until killed. */
public final class DeployLockHolderMain {
    private DeployLockHolderMain() {}

    /** Arguments: etcd endpoint, stack, lease TTL in seconds. */
    public static void main(String[] arguments) throws InterruptedException {
        EtcdConnection connection = EtcdConnection.open(arguments[0]);
        new EtcdDeployLocks(connection, Clock.systemUTC(), Duration.ofMinutes(1),
                Duration.ofSeconds(Long.parseLong(arguments[2]))).acquire(arguments[1], "push held by a test", line -> { });
        System.out.println("holding the deploy lock of " + arguments[1]);
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
