package dev.quarry.pacific.local;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Optional;

/**
 * An agent process a launcher started: its PID, and when it started so that a PID the system has since given to
 * another process is never mistaken for it.
 *
 * @param pid the process id
 * @param startedAt when the process started, as the system reports it; {@link Instant#EPOCH} when unknown
 */
public record LaunchedAgent(long pid, Instant startedAt) {
    public LaunchedAgent {
        if (pid < 1) {
            throw new IllegalArgumentException("an agent's pid must be positive, got " + pid);
        }
        requireNonNull(startedAt, "startedAt is null");
    }

    /** The PID and start time of a process that has just been started. */
    public static LaunchedAgent of(ProcessHandle process) {
        return new LaunchedAgent(process.pid(), process.info().startInstant().orElse(Instant.EPOCH));
    }

    /** The process, while it is alive and still the one that was started. */
    public Optional<ProcessHandle> process() {
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).filter(this::isSameProcess);
    }

    private boolean isSameProcess(ProcessHandle handle) {
        Optional<Instant> started = handle.info().startInstant();
        return startedAt.equals(Instant.EPOCH) || started.isEmpty() || started.get().equals(startedAt);
    }
}
