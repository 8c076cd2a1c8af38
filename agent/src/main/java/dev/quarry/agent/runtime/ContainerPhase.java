package dev.quarry.agent.runtime;

/** Where a container is in its life, in the words {@code ps} shows (lowercase, as in JSON). */
public enum ContainerPhase {
    /** It runs, but nothing answers on its port yet. */
    BOOTING,
    /** It answers on its port, but has not passed its health probe yet. */
    WARMING,
    /** It passed its health probe and its liveness probes since: the router may send it requests. */
    UP,
    /** It failed its liveness probe too many times in a row: out of the router, about to be restarted. */
    UNHEALTHY,
    /** It exited (or was stopped for failing liveness) and waits out its backoff before the next start. */
    RESTARTING,
    /** It was stopped by a request, or exited with status 0 and its policy does not restart it. */
    STOPPED,
    /** It exited and its restart policy gave up on it (or never restarts). */
    FAILED;

    /** Whether the router may send it requests. */
    public boolean routable() {
        return this == UP;
    }
}
