package dev.quarry.hq.grid;

import dev.quarry.agent.Agent;
import dev.quarry.agent.AgentSettings;
import dev.quarry.agent.ports.PortRange;
import dev.quarry.slicegrid.model.Resources;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Local servers: an agent in HQ's own process for each, listening on a loopback address of its own
 * (127.0.X.Y, which Linux routes to this machine), with its home under {@code local/<id>/} and the
 * default port range on that address. Closing it stops the agents; their containers keep running
 * for the agents HQ starts again on the same homes.
 */
public final class LocalServerStarter implements ServerStarter, ServerRemover, AutoCloseable {
    public static final String NAME = "embedded";
    /** How long a container of a removed server has to stop on SIGTERM. */
    private static final java.time.Duration STOP_GRACE = java.time.Duration.ofSeconds(10);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path folder;
    private final Path hqKey;
    private final Resources capacity;
    private final Map<String, Agent> agents = new LinkedHashMap<>();

    /**
     * @param folder where the agents' homes go
     * @param hqKey HQ's public agent key, the one key the agents let in
     * @param capacity what a new local server offers (more when a request needs more)
     */
    public LocalServerStarter(Path folder, Path hqKey, Resources capacity) {
        this.folder = folder;
        this.hqKey = hqKey;
        this.capacity = capacity;
    }

    @Override
    public synchronized ServerSettings start(ServerRequest request) throws IOException {
        ServerSettings server = request.again().orElseGet(() -> fresh(request));
        Agent agent;
        try {
            agent = Agent.start(AgentSettings.of(Path.of(server.localHome()),
                    new InetSocketAddress(server.host(), 0), hqKey, PortRange.DEFAULT));
        } catch (IOException | RuntimeException e) {
            throw new IOException("cannot start the agent of local server " + server.id() + " on " + server.host()
                    + ": " + e.getMessage() + "; see " + server.localHome(), e);
        }
        Agent replaced = agents.put(server.id(), agent);
        if (replaced != null) {
            replaced.close();
        }
        return server.withAgentPort(agent.port());
    }

    public ServerSupply supply() {
        return new ServerSupply(NAME, this, this);
    }

    /** Removes the server's containers, stops its agent and deletes its home. */
    @Override
    public synchronized void remove(ServerSettings server) throws IOException {
        if (!server.isLocal()) {
            throw new IOException("server " + server.id() + " is not one of HQ's own local servers; remove it where"
                    + " it was made");
        }
        Agent agent = agents.remove(server.id());
        if (agent != null) {
            for (dev.quarry.agent.runtime.ContainerStatus container : agent.containers().list()) {
                agent.containers().remove(container.id(), STOP_GRACE);
            }
            agent.close();
        }
        dev.quarry.files.AtomicFiles.deleteFolder(Path.of(server.localHome()));
    }

    private ServerSettings fresh(ServerRequest request) {
        Resources offered = capacity.atLeast(request.capacity());
        String host = "127.0." + (16 + RANDOM.nextInt(239)) + "." + (2 + RANDOM.nextInt(253));
        return ServerSettings.of(request.id(), host, 1, offered, List.copyOf(new java.util.TreeSet<>(request.tags())),
                folder.resolve(request.id()).toAbsolutePath().toString());
    }

    /**
     * Stops and forgets every container of the local servers ({@code quarry up} stopping: everything it
     * started stops; the next start's reconcile boots them again).
     */
    public synchronized void stopContainers(java.time.Duration grace) {
        for (Agent agent : agents.values()) {
            for (dev.quarry.agent.runtime.ContainerStatus container : agent.containers().list()) {
                agent.containers().remove(container.id(), grace);
            }
        }
    }

    /** Stops the agents (not their containers). */
    @Override
    public synchronized void close() throws IOException {
        IOException failure = null;
        for (Agent agent : agents.values()) {
            try {
                agent.close();
            } catch (IOException e) {
                failure = e;
            }
        }
        agents.clear();
        if (failure != null) {
            throw failure;
        }
    }
}
