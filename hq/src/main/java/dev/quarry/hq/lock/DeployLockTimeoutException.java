package dev.quarry.hq.lock;

/** A deploy lock stayed busy for longer than HQ waits; the message says who holds it. */
public final class DeployLockTimeoutException extends RuntimeException {
    public DeployLockTimeoutException(String message) {
        super(message);
    }
}
