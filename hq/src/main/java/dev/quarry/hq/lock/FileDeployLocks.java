package dev.quarry.hq.lock;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deploy locks as files {@code locks/<stack>.lock} naming their owner process. Inside this process a
 * fair semaphore per stack queues deploys in arrival order; the file makes the lock visible outside
 * and is reaped when its owner process is gone (an HQ killed mid-deploy never leaves it stuck).
 */
public final class FileDeployLocks implements DeployLocks {
    private static final Logger LOG = LoggerFactory.getLogger(FileDeployLocks.class);
    private static final Duration POLL = Duration.ofMillis(100);

    private final Path folder;
    private final Clock clock;
    private final Duration maximumWait;
    private final StackQueue queue;

    public FileDeployLocks(Path folder, Clock clock, Duration maximumWait) {
        this.folder = folder;
        this.clock = clock;
        this.maximumWait = maximumWait;
        this.queue = new StackQueue(maximumWait);
    }

    /** The file that holds a stack's lock. */
    public Path file(String stack) {
        return folder.resolve(stack + ".lock");
    }

    @Override
    public DeployLease acquire(String stack, String holder, Consumer<String> waiting) throws InterruptedException {
        Instant deadline = clock.instant().plus(maximumWait);
        LockFile file = new LockFile(file(stack));
        Semaphore semaphore = queue.join(stack, () -> holder(file), waiting);
        try {
            LockOwner owner = LockOwner.current(holder, clock.instant());
            take(stack, file, owner, deadline, waiting);
            return () -> release(file, owner, semaphore);
        } catch (InterruptedException | RuntimeException e) {
            semaphore.release();
            throw e;
        }
    }

    private void take(String stack, LockFile file, LockOwner owner, Instant deadline, Consumer<String> waiting)
            throws InterruptedException {
        boolean told = false;
        while (!file.create(owner)) {
            Optional<LockOwner> current = file.owner();
            if (current.isEmpty() || !current.get().alive() || current.get().isCurrentProcess()) {
                if (file.deleteIf(current)) {
                    LOG.info("reaped the deploy lock of {} left by {}", stack,
                            current.map(LockOwner::describe).orElse("an unreadable owner"));
                }
                continue;
            }
            if (clock.instant().isAfter(deadline)) {
                throw timeout(stack, file);
            }
            if (!told) {
                waiting.accept(waitingLine(stack, file));
                told = true;
            }
            Thread.sleep(POLL.toMillis());
        }
    }

    private static void release(LockFile file, LockOwner owner, Semaphore semaphore) {
        try {
            file.deleteIf(Optional.of(owner));
        } catch (UncheckedIOException e) {
            LOG.warn("{}; the next deploy reaps it", e.getMessage());
        } finally {
            semaphore.release();
        }
    }

    private static String waitingLine(String stack, LockFile file) {
        return DeployLockLines.waiting(stack, holder(file));
    }

    private DeployLockTimeoutException timeout(String stack, LockFile file) {
        return DeployLockLines.timeout(stack, maximumWait, holder(file));
    }

    private static String holder(LockFile file) {
        return file.owner().map(LockOwner::describe).orElse("another deploy");
    }
}
