package dev.quarry.hq.grid;

import dev.quarry.agent.client.AgentClient;
import dev.quarry.agent.client.AgentException;
import dev.quarry.agent.runtime.ContainerStatus;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives back a server slicegrid found empty above the grid's minimum: it is already off the grid (no
 * new container goes there); its agent is asked until it runs nothing (containers still stopping get
 * {@link #DRAIN_WAIT}, then are removed), then the supply removes the server (three tries) and HQ forgets
 * it. A server that cannot be removed goes back on the grid, empty, and the log says why.
 */
final class ServerRetirement {
    private static final Logger LOG = LoggerFactory.getLogger(ServerRetirement.class);
    static final Duration DRAIN_WAIT = Duration.ofSeconds(30);
    private static final Duration STOP_GRACE = Duration.ofSeconds(10);
    private static final int TRIES = 3;

    private final Grid grid;
    private final ServerRemover remover;

    ServerRetirement(Grid grid, ServerRemover remover) {
        this.grid = grid;
        this.remover = remover;
    }

    void retire(ServerSettings server) {
        LOG.info("server {} on {} is empty and the grid is above its minimum: draining and removing it", server.id(),
                server.host());
        drain(server);
        IOException failure = null;
        for (int attempt = 1; attempt <= TRIES; attempt++) {
            try {
                remover.remove(server);
                grid.removed(server);
                LOG.info("removed server {} on {}", server.id(), server.host());
                return;
            } catch (IOException | RuntimeException e) {
                failure = e instanceof IOException io ? io : new IOException(e.getMessage(), e);
                pause(Duration.ofSeconds(1L << (attempt - 1)));
            }
        }
        LOG.warn("cannot remove server {} on {} after {} tries: {}; it stays in the grid, empty", server.id(),
                server.host(), TRIES, failure.getMessage());
        grid.kept(server);
    }

    /** Waits until the agent runs nothing, then removes whatever is still there. */
    private void drain(ServerSettings server) {
        AgentClient agent = grid.agent(server);
        long deadline = System.nanoTime() + DRAIN_WAIT.toNanos();
        try {
            List<ContainerStatus> left = agent.list().containers();
            while (!left.isEmpty() && System.nanoTime() < deadline) {
                pause(Duration.ofMillis(500));
                left = agent.list().containers();
            }
            for (ContainerStatus container : left) {
                LOG.info("removing {} from server {}, which is being removed", container.id(), server.id());
                agent.remove(container.id(), STOP_GRACE);
            }
        } catch (AgentException e) {
            LOG.warn("the agent of server {} does not answer ({}); removing the server anyway", server.id(),
                    e.getMessage());
        }
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
