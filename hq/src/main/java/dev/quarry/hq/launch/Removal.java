package dev.quarry.hq.launch;

import dev.quarry.agent.client.AgentException;
import dev.quarry.agent.runtime.ContainerState;
import dev.quarry.agent.runtime.RuntimeFailure;
import dev.quarry.hq.grid.Grid;
import dev.quarry.hq.grid.GridListing;
import dev.quarry.hq.grid.Parallel;
import dev.quarry.hq.grid.RunningContainer;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removing containers that should not run: after the drain grace (requests already sent to them finish
 * once routes no longer name them), stopped and removed by their agents at once, their room freed,
 * and a release's source dropped from a server once none of its containers are left there.
 */
final class Removal {
    private static final Logger LOG = LoggerFactory.getLogger(Removal.class);
    /** How long a container has to exit on SIGTERM before SIGKILL. */
    static final Duration STOP_GRACE = Duration.ofSeconds(10);

    private Removal() {}

    static void drainAndRemove(Grid grid, List<RunningContainer> containers, GridListing listing, Duration drain,
            Progress progress) {
        if (containers.isEmpty()) {
            return;
        }
        boolean serving = containers.stream().anyMatch(container -> container.status().state() == ContainerState.RUNNING);
        if (serving && !drain.isZero()) {
            sleep(drain);
        }
        Parallel.map(containers, container -> remove(grid, container));
        progress.line("-----> removed " + containers.size() + (containers.size() == 1 ? " container" : " containers")
                + (serving ? " after a " + Seconds.of(drain.toMillis()) + " drain" : "") + ": "
                + containers.stream().map(RunningContainer::id).sorted().collect(Collectors.joining(", ")));
        dropSources(grid, containers, listing);
    }

    /**
     * {@link #drainAndRemove} on a thread of its own, so a push returns once its release is live: the progress
     * says which containers drain, HQ's log when they are removed; {@link Grid#draining} names them meanwhile.
     */
    static void drainInBackground(Grid grid, List<RunningContainer> containers, GridListing listing, Duration drain,
            Progress progress) {
        List<String> ids = containers.stream().map(RunningContainer::id).sorted().toList();
        progress.line("-----> draining " + ids.size() + (ids.size() == 1 ? " old container" : " old containers")
                + " in the background, removed after a " + Seconds.of(drain.toMillis()) + " drain: "
                + String.join(", ", ids));
        grid.draining(ids, true);
        Thread.ofVirtual().name("hq-drain-" + containers.getFirst().status().stack()).start(() -> {
            try {
                drainAndRemove(grid, containers, listing, drain, line -> LOG.info("{}", line.replaceFirst(
                        "^-----> ", "")));
            } catch (RuntimeException e) {
                LOG.warn("draining {} did not finish: {}; the reconciler removes what is left", ids, e.getMessage());
            } finally {
                grid.draining(ids, false);
            }
        });
    }

    /** Removes containers at once, without draining (a service being replaced holds its port). */
    static void removeNow(Grid grid, List<RunningContainer> containers) {
        Parallel.map(containers, container -> remove(grid, container));
    }

    private static Void remove(Grid grid, RunningContainer container) {
        removeOne(grid, container).ifPresent(reason -> LOG.warn("cannot remove {} from {}: {}", container.id(),
                container.server().id(), reason));
        return null;
    }

    /** Stops and removes one container (the usual grace) and frees its room; why it could not, else empty. */
    static Optional<String> removeOne(Grid grid, RunningContainer container) {
        try {
            grid.agent(container.server()).remove(container.id(), STOP_GRACE);
            grid.free(container.id());
            return Optional.empty();
        } catch (AgentException | RuntimeFailure e) {
            return Optional.of(e.getMessage());
        }
    }

    /** Drops a release's source from servers where none of its containers is left; refused while some run. */
    private static void dropSources(Grid grid, List<RunningContainer> removed, GridListing listing) {
        Set<String> removedIds = removed.stream().map(RunningContainer::id).collect(Collectors.toSet());
        Set<String> left = listing.containers().stream().filter(other -> !removedIds.contains(other.id()))
                .map(Removal::serverRelease).collect(Collectors.toSet());
        Map<String, RunningContainer> gone = new LinkedHashMap<>();
        removed.forEach(container -> gone.putIfAbsent(serverRelease(container), container));
        gone.forEach((key, container) -> {
            if (!left.contains(key)) {
                try {
                    grid.agent(container.server()).removeRelease(container.status().stack(),
                            container.status().release());
                } catch (AgentException e) {
                    LOG.debug("kept the source of {} on {}: {}", key, container.server().id(), e.getMessage());
                }
            }
        });
    }

    private static String serverRelease(RunningContainer container) {
        return container.server().id() + " " + container.status().stack() + " " + container.status().release();
    }

    private static void sleep(Duration drain) {
        try {
            Thread.sleep(drain.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
