package dev.quarry.agent.runtime;

import java.time.Duration;
import java.time.Instant;

/** One start of a container: a process group or a running Docker container. */
public interface Instance {
    /** The process id or the Docker container id. */
    String handle();

    /** When it started. */
    Instant startedAt();

    /** Blocks until it ends; answers its exit status, or -1 when the status cannot be known. */
    int awaitExit() throws InterruptedException;

    /** Asks it to end (SIGTERM), kills it after {@code grace}, and returns once it has ended. */
    void stop(Duration grace);
}
