package dev.quarry.hq.endtoend;

import dev.quarry.agent.runtime.ContainerStatus;
import dev.quarry.hq.grid.Grid;
import dev.quarry.hq.grid.GridSettings;
import dev.quarry.hq.grid.RunningContainer;
import dev.quarry.hq.grid.ServerSettings;
import dev.quarry.router.model.RouterSettings;
import dev.quarry.testsupport.LoopbackHttp;
import dev.quarry.testsupport.LoopbackPorts;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * HQ on a real grid in this JVM: local servers (in-process agents on loopback addresses of their own),
 * the router's nginx on a free loopback port, a short drain grace. {@link #close()} removes every
 * container the agents run, by id, then stops HQ (its agents and nginx).
 */
final class RunningGrid implements AutoCloseable {
    /** Long enough that the periodic reconcile never runs during a test; reconcile at start still does. */
    static final Duration QUIET = Duration.ofHours(1);

    private final RunningHq hq;
    private final int routerPort;

    RunningGrid(RunningHq hq, int routerPort) {
        this.hq = hq;
        this.routerPort = routerPort;
    }

    static RunningGrid start(Path root, int servers) {
        int routerPort = LoopbackPorts.free();
        GridSettings settings = GridSettings.of(RouterSettings.local(routerPort), servers)
                .withDrainGrace(Duration.ofMillis(200)).withReconcilePeriod(QUIET);
        return new RunningGrid(RunningHq.startWithGrid(root, settings), routerPort);
    }

    /** The same with HQ serving its dashboard on a free loopback port. */
    static RunningGrid startWithDashboard(Path root, int servers) {
        int routerPort = LoopbackPorts.free();
        GridSettings settings = GridSettings.of(RouterSettings.local(routerPort), servers)
                .withDrainGrace(Duration.ofMillis(200)).withReconcilePeriod(QUIET);
        return new RunningGrid(RunningHq.startWithGridAndDashboard(root, settings), routerPort);
    }

    RunningHq hq() {
        return hq;
    }

    /** The port the router's nginx listens on. */
    int routerPort() {
        return routerPort;
    }

    Grid grid() {
        return hq.hq().grid().orElseThrow();
    }

    /** GET through the router, as a browser asking for {@code domain} would. */
    LoopbackHttp.Answer get(String domain, String path) {
        return LoopbackHttp.get("127.0.0.1", routerPort, domain, path);
    }

    /**
     * The app's containers as the agents report them, sorted by id, once no old release's container drains in the
     * background any more (a push returns while they drain).
     */
    List<RunningContainer> containers(String app) {
        settle();
        return grid().list().ofStack(app).stream()
                .sorted(java.util.Comparator.comparing(RunningContainer::id)).toList();
    }

    List<String> containerIds(String app) {
        return containers(app).stream().map(RunningContainer::id).toList();
    }

    /** Waits (at most 30 s) until no old release's container drains in the background. */
    void settle() {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!grid().draining().isEmpty()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("still draining after 30 s: " + grid().draining());
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for the drains", e);
            }
        }
    }

    /** Removes every container of every server's agent (but of a server being given back meanwhile). */
    void removeAllContainers() {
        settle();
        for (ServerSettings server : grid().servers()) {
            try {
                for (ContainerStatus status : grid().agent(server).list().containers()) {
                    grid().agent(server).remove(status.id(), Duration.ZERO);
                }
            } catch (dev.quarry.agent.client.AgentException e) {
                if (!grid().isLeaving(server.id()) && grid().server(server.id()).isPresent()) {
                    throw e;
                }
            }
        }
    }

    @Override
    public void close() {
        try {
            removeAllContainers();
        } finally {
            hq.close();
        }
    }
}
