package dev.quarry.pacific.local;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Stops an agent by its PID, with the processes it started (a process runtime's containers): SIGTERM first, and
 * SIGKILL for whatever is still running after the grace period.
 */
final class AgentProcesses {
    private AgentProcesses() {}

    /** Stops the agent; true when it and its children are gone (or were gone already). */
    static boolean stop(LaunchedAgent agent, Duration grace) throws InterruptedException {
        var process = agent.process();
        if (process.isEmpty()) {
            return true;
        }
        List<ProcessHandle> children = process.get().descendants().toList();
        process.get().destroy();
        children.forEach(ProcessHandle::destroy);
        boolean stopped = awaitExit(process.get(), grace);
        for (ProcessHandle child : children) {
            stopped &= awaitExit(child, grace);
        }
        return stopped;
    }

    private static boolean awaitExit(ProcessHandle process, Duration grace) throws InterruptedException {
        if (exited(process, grace)) {
            return true;
        }
        process.destroyForcibly();
        return exited(process, grace);
    }

    private static boolean exited(ProcessHandle process, Duration wait) throws InterruptedException {
        try {
            process.onExit().get(wait.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return !process.isAlive();
        } catch (ExecutionException e) {
            return !process.isAlive();
        }
    }
}
