package dev.quarry.hq.lock;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Inside one HQ, the deploys of a stack wait in arrival order (a fair semaphore per stack) before they
 * try the lock that other HQs or processes see; different stacks never wait for each other.
 */
final class StackQueue {
    private final Duration maximumWait;
    private final Map<String, Semaphore> turns = new ConcurrentHashMap<>();

    StackQueue(Duration maximumWait) {
        this.maximumWait = maximumWait;
    }

    /**
     * Waits for the stack's turn; the answer is released when the deploy ends (or fails to take the lock).
     *
     * @param holder who holds the lock now, for the one waiting line and the timeout
     * @throws DeployLockTimeoutException when the turn does not come within the maximum wait
     */
    Semaphore join(String stack, Supplier<String> holder, Consumer<String> waiting) throws InterruptedException {
        Semaphore turn = turns.computeIfAbsent(stack, name -> new Semaphore(1, true));
        if (!turn.tryAcquire()) {
            waiting.accept(DeployLockLines.waiting(stack, holder.get()));
            if (!turn.tryAcquire(maximumWait.toMillis(), TimeUnit.MILLISECONDS)) {
                throw DeployLockLines.timeout(stack, maximumWait, holder.get());
            }
        }
        return turn;
    }
}
