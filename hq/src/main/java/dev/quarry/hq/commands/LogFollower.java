package dev.quarry.hq.commands;

import dev.quarry.agent.client.AgentException;
import dev.quarry.hq.grid.Grid;
import dev.quarry.hq.grid.RunningContainer;
import java.io.PrintWriter;
import java.util.function.BooleanSupplier;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@code logs -f}: every poll it asks each container's agent for its last lines and prints those after
 * the ones it printed before, prefixed with the container, until the client goes away (its output
 * fails) or the thread is interrupted. Containers that start later (a deploy, a scale) join in.
 */
final class LogFollower {
    private static final int WINDOW = 200;
    private static final int MATCH = 3;

    private final Grid grid;
    private final Supplier<List<RunningContainer>> containers;
    private final Duration poll;
    private final Map<String, List<String>> printed = new HashMap<>();

    LogFollower(Grid grid, Supplier<List<RunningContainer>> containers, Duration poll) {
        this.grid = grid;
        this.containers = containers;
        this.poll = poll;
    }

    /** Remembers what the first dump printed, so following starts after it. */
    void printedAlready(String id, List<String> lines) {
        printed.put(id, lines);
    }

    void follow(PrintWriter out, BooleanSupplier connected) {
        while (connected.getAsBoolean() && !out.checkError() && !Thread.currentThread().isInterrupted()) {
            for (RunningContainer container : containers.get()) {
                printNew(container, out);
            }
            out.flush();
            try {
                Thread.sleep(poll.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void printNew(RunningContainer container, PrintWriter out) {
        List<String> now;
        try {
            now = grid.agent(container.server()).logs(container.id(), WINDOW);
        } catch (AgentException e) {
            return;
        }
        List<String> before = printed.getOrDefault(container.id(), List.of());
        for (String line : now.subList(newFrom(before, now), now.size())) {
            out.println(container.id() + " | " + line);
        }
        printed.put(container.id(), now);
    }

    /**
     * Where the new lines start: after the last few lines printed before, found again in {@code now} (the
     * last three when they are still there, else fewer, as the oldest roll out of the window).
     */
    static int newFrom(List<String> before, List<String> now) {
        for (int tail = Math.min(MATCH, before.size()); tail > 0; tail--) {
            List<String> last = before.subList(before.size() - tail, before.size());
            for (int end = now.size(); end >= tail; end--) {
                if (now.subList(end - tail, end).equals(last)) {
                    return end;
                }
            }
        }
        return 0;
    }
}
