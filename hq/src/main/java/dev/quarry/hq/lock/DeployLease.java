package dev.quarry.hq.lock;

/** A held deploy lock; closing it lets the next deploy of the stack go. */
@FunctionalInterface
public interface DeployLease extends AutoCloseable {
    @Override
    void close();
}
