package dev.quarry.agent.runtime;

/** Where a container is in its life. */
public enum ContainerState {
    /** Its process or Docker container runs. */
    RUNNING,
    /** It exited and waits out its backoff before the next start. */
    RESTARTING,
    /** It exited and its restart policy does not start it again. */
    EXITED,
    /** It was stopped by a stop request. */
    STOPPED;

    /** Whether it is running or will be again without a request. */
    public boolean isActive() {
        return this == RUNNING || this == RESTARTING;
    }
}
