package dev.quarry.locknet.apply;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

/** Waits out each delay on its own virtual thread. */
public final class VirtualThreadScheduler implements Scheduler {
    @Override
    public Cancellation schedule(Duration delay, Runnable action) {
        AtomicBoolean cancelled = new AtomicBoolean();
        Thread waiter = Thread.ofVirtual().name("locknet-dead-man").start(() -> {
            try {
                Thread.sleep(delay);
            } catch (InterruptedException interrupted) {
                return;
            }
            if (!cancelled.get()) {
                action.run();
            }
        });
        return () -> {
            if (!cancelled.getAndSet(true)) {
                waiter.interrupt();
            }
        };
    }
}
