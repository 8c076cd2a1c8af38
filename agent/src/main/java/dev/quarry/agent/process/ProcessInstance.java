package dev.quarry.agent.process;

import dev.quarry.agent.runtime.Instance;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A process container's current start: a session and process group led by {@code sh -c RUN}. When
 * the leader exits, what is left of its group is killed, as Docker does when a container's first
 * process ends, so a restart finds its port free.
 */
final class ProcessInstance implements Instance {
    /** An adopted process is no child of ours: its end is seen by looking, and its exit status is unknown. */
    private static final Duration ADOPTED_POLL = Duration.ofMillis(250);

    private final ProcessHandle leader;
    private final Process child;
    private final Instant startedAt;

    private ProcessInstance(ProcessHandle leader, Process child, Instant startedAt) {
        this.leader = leader;
        this.child = child;
        this.startedAt = startedAt;
    }

    /** A process this agent started. */
    static ProcessInstance started(Process process) {
        ProcessHandle handle = process.toHandle();
        return new ProcessInstance(handle, process, handle.info().startInstant().orElse(Instant.now()));
    }

    /** A process an earlier agent started, if it still runs and is the same process (not a reused pid). */
    static Optional<Instance> find(long pid, Instant startedAt) {
        Optional<ProcessHandle> handle = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
        if (handle.isEmpty() || startedAt == null) {
            return Optional.empty();
        }
        Optional<Instant> actual = handle.get().info().startInstant();
        if (actual.isEmpty() || Duration.between(actual.get(), startedAt).abs().compareTo(Duration.ofSeconds(2)) > 0) {
            return Optional.empty();
        }
        return Optional.of(new ProcessInstance(handle.get(), null, actual.get()));
    }

    /** A sandbox leader an earlier agent started, found by its cgroups (its record had no pid, or a stale one). */
    static Optional<Instance> adopt(long pid) {
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).map(handle -> new ProcessInstance(handle, null,
                handle.info().startInstant().orElse(Instant.now())));
    }

    @Override
    public String handle() {
        return Long.toString(leader.pid());
    }

    @Override
    public Instant startedAt() {
        return startedAt;
    }

    @Override
    public int awaitExit() throws InterruptedException {
        int status;
        if (child != null) {
            status = child.waitFor();
        } else {
            while (ProcessGroups.isRunning(leader.pid())) {
                Thread.sleep(ADOPTED_POLL.toMillis());
            }
            status = -1;
        }
        if (ProcessGroups.alive(leader.pid())) {
            ProcessGroups.signal(leader.pid(), "KILL");
        }
        return status;
    }

    @Override
    public void stop(Duration grace) {
        ProcessGroups.terminate(leader.pid(), grace);
        try {
            if (child != null) {
                child.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
