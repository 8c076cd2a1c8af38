package dev.quarry.locknet.network;

/** What became of one TCP connection attempt. */
public enum Reach {
    /** The connection was accepted. */
    CONNECTED,
    /** The host answered with a reset: the packet got through, nothing listens. */
    REFUSED,
    /** No answer within the attempt's timeout: a firewall dropped it. */
    DROPPED
}
