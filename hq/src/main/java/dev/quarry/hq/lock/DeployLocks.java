package dev.quarry.hq.lock;

import java.util.function.Consumer;

/** Hands out the one deploy lock each stack has; different stacks never wait for each other. */
public interface DeployLocks {
    /**
     * Blocks until the caller holds the deploy lock of {@code stack}.
     *
     * @param holder what holds it, for whoever waits: {@code push by alice}
     * @param waiting told one line when the lock is busy and the caller has to wait
     * @throws DeployLockTimeoutException when the lock stays busy longer than this HQ waits
     */
    DeployLease acquire(String stack, String holder, Consumer<String> waiting) throws InterruptedException;
}
