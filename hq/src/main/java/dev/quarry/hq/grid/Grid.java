package dev.quarry.hq.grid;

import dev.quarry.agent.client.AgentClient;
import dev.quarry.agent.client.AgentException;
import dev.quarry.agent.protocol.Answers;
import dev.quarry.slicegrid.GridSnapshot;
import dev.quarry.slicegrid.model.Resources;
import dev.quarry.slicegrid.model.Slice;
import dev.quarry.slicegrid.placement.Placement;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * HQ's grid: its servers (state), their agents, and slicegrid's placement of containers on them. The
 * launcher and the reconciler place and free containers here; when the grid is full and a
 * {@link ServerStarter} is configured, a server is added and the container placed again.
 */
public final class Grid {
    private static final Logger LOG = LoggerFactory.getLogger(Grid.class);

    private final ServerStore servers;
    private final Agents agents;
    private final SliceTable table;
    private final Optional<ServerStarter> starter;
    private final List<java.util.function.Consumer<List<ServerSettings>>> membershipListeners =
            new java.util.concurrent.CopyOnWriteArrayList<>();

    private Grid(ServerStore servers, Agents agents, SliceTable table, Optional<ServerStarter> starter) {
        this.servers = servers;
        this.agents = agents;
        this.table = table;
        this.starter = starter;
    }

    /**
     * @param gridFile grid/grid.json
     * @param maxServers how many servers the starter may bring the grid to (ignored without a starter)
     * @param newServer the capacity to ask a starter for
     */
    public static Grid open(ServerStore servers, Agents agents, Path gridFile, Optional<ServerStarter> starter,
            int maxServers, Resources newServer) throws IOException {
        int most = starter.isPresent() ? maxServers : 0;
        return new Grid(servers, agents, SliceTable.load(gridFile, servers.list(), most, newServer), starter);
    }

    public List<ServerSettings> servers() {
        return servers.list();
    }

    public Optional<ServerSettings> server(String id) {
        return servers.read(id);
    }

    /**
     * Hears that a server joined (or left) the grid, with every server now in it; called on the thread
     * that changed the grid, so a listener with slow work (the firewall) hands it to a thread of its own.
     */
    public synchronized void onMembershipChange(java.util.function.Consumer<List<ServerSettings>> listener) {
        membershipListeners.add(listener);
    }

    public AgentClient agent(ServerSettings server) {
        return agents.client(server);
    }

    /** Reserves room for a container, adding a server first when the grid is full and one can be added. */
    public synchronized ServerChoice place(Slice slice) {
        Placement placement = table.place(slice);
        if (placement instanceof Placement.NeedsNewBlock needs) {
            Optional<String> failure = grow(needs, slice);
            if (failure.isPresent()) {
                return new ServerChoice.NoRoom(failure.get());
            }
            placement = table.place(slice);
        }
        return switch (placement) {
            case Placement.OnBlock onBlock -> new ServerChoice.Placed(server(onBlock.block().id()).orElseThrow());
            case Placement.Refused refused -> new ServerChoice.NoRoom("the grid is full: "
                    + refused.refusal().message() + "; add a server, or lower the memory or cpu of " + slice.node());
            case Placement.NeedsNewBlock again -> {
                table.abandonCreate();
                yield new ServerChoice.NoRoom("the grid is full: " + again.describe() + " even after adding one");
            }
        };
    }

    /** Adds a server of the size slicegrid asked for; empty when it was added, else why not. */
    private Optional<String> grow(Placement.NeedsNewBlock needs, Slice slice) {
        if (starter.isEmpty()) {
            table.abandonCreate();
            return Optional.of("the grid is full: " + needs.describe() + " for " + slice.id()
                    + " and this HQ starts no servers; add one, or start HQ with local servers");
        }
        String id = newId();
        try {
            ServerSettings server = starter.get().start(new ServerRequest(id, needs.capacity(), needs.tags(),
                    Optional.empty()));
            servers.save(server);
            table.addServer(server);
            LOG.info("added server {} on {} for {}", id, server.host(), slice.id());
            List<ServerSettings> now = servers.list();
            membershipListeners.forEach(listener -> listener.accept(now));
            return Optional.empty();
        } catch (IOException e) {
            table.abandonCreate();
            return Optional.of("the grid is full and server " + id + " could not be added: " + e.getMessage());
        }
    }

    private String newId() {
        Set<String> taken = Set.copyOf(servers.list().stream().map(ServerSettings::id).toList());
        int number = 1;
        while (taken.contains("s" + number)) {
            number++;
        }
        return "s" + number;
    }

    /** Asks every agent at once what it runs; an agent that does not answer is named, not taken as empty. */
    public GridListing list() {
        List<ServerSettings> all = servers();
        List<Object> answers = Parallel.map(all, server -> {
            try {
                return agents.client(server).list();
            } catch (AgentException e) {
                return e.getMessage();
            }
        });
        List<RunningContainer> containers = new ArrayList<>();
        Map<String, String> unreachable = new TreeMap<>();
        for (int index = 0; index < all.size(); index++) {
            ServerSettings server = all.get(index);
            if (answers.get(index) instanceof Answers.Listing listing) {
                listing.containers().forEach(status -> containers.add(new RunningContainer(server, status)));
            } else {
                unreachable.put(server.id(), (String) answers.get(index));
            }
        }
        return new GridListing(containers, unreachable);
    }

    /** Frees a container's room. */
    public synchronized void free(String containerId) {
        table.remove(containerId);
    }

    /** The server a container's room is reserved on. */
    public synchronized Optional<ServerSettings> serverOf(String containerId) {
        return table.serverOf(containerId).flatMap(servers::read);
    }

    /** Records a container found running on a server although the grid did not know it there. */
    public synchronized void adopt(Slice slice, String serverId) {
        table.remove(slice.id());
        table.adopt(slice, serverId);
    }

    public synchronized GridSnapshot snapshot() {
        return table.snapshot();
    }
}
