package dev.quarry.hq.etcd;

import dev.quarry.hq.state.StateException;

/**
 * A call to etcd failed or got no answer in time. It is a {@link StateException}, so an etcd that
 * cannot be reached is one more way the state store fails, never an empty answer; the message is one
 * line naming the endpoint, what was being done, and how to check.
 */
public final class EtcdCallException extends StateException {
    public EtcdCallException(String message, Throwable cause) {
        super(message, cause);
    }
}
