package dev.quarry.hq.grid;

import dev.quarry.agent.client.AgentClient;
import dev.quarry.agent.client.AgentException;
import dev.quarry.agent.protocol.Answers;
import dev.quarry.slicegrid.GridSnapshot;
import dev.quarry.slicegrid.model.Resources;
import dev.quarry.slicegrid.model.Slice;
import dev.quarry.slicegrid.placement.Placement;
import java.io.IOException;
import dev.quarry.hq.state.StateStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * HQ's grid: its servers (state), their agents, and slicegrid's placement of containers on them. The
 * launcher and the reconciler place and free containers here. With a {@link ServerSupply}, a full grid
 * gets a server added (up to the maximum) and the container placed again, and a server left empty above
 * the minimum is drained and given back ({@link ServerRetirement}).
 */
public final class Grid {
    private static final Logger LOG = LoggerFactory.getLogger(Grid.class);

    private final ServerStore servers;
    private final Agents agents;
    private final SliceTable table;
    private final Optional<ServerSupply> supply;
    private final Set<String> leaving = java.util.concurrent.ConcurrentHashMap.newKeySet();
    /** Servers taken off the grid while their agent is down (or back but not yet cleared of stale containers). */
    private final Set<String> away = java.util.concurrent.ConcurrentHashMap.newKeySet();
    /** What each server's agent last reported, for the containers of a server whose agent does not answer now. */
    private final Set<String> draining = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final Map<String, List<RunningContainer>> lastSeen = new java.util.concurrent.ConcurrentHashMap<>();
    /** Held while a server is being added: placements that need one take turns; the others go on. */
    private final java.util.concurrent.locks.ReentrantLock growing = new java.util.concurrent.locks.ReentrantLock(true);
    private volatile java.util.function.Function<String, Optional<dev.quarry.hq.liveness.Liveness>> liveness =
            id -> Optional.empty();
    private final List<java.util.function.Consumer<List<ServerSettings>>> membershipListeners =
            new java.util.concurrent.CopyOnWriteArrayList<>();

    private Grid(ServerStore servers, Agents agents, SliceTable table, Optional<ServerSupply> supply) {
        this.servers = servers;
        this.agents = agents;
        this.table = table;
        this.supply = supply;
    }

    /**
     * @param store where the placement is kept ({@code grid/placement.json})
     * @param oldGridFile grid/grid.json, where an older HQ kept it: taken over once, then removed
     * @param supply adds and removes servers; empty: the grid is the servers it has
     * @param minServers the fewest servers the grid shrinks to (ignored without a supply)
     * @param maxServers the most servers the grid grows to (ignored without a supply)
     * @param newServer the capacity to ask for when adding a server (more when a container needs more)
     */
    public static Grid open(ServerStore servers, Agents agents, StateStore store, Path oldGridFile,
            Optional<ServerSupply> supply, int minServers, int maxServers, Resources newServer) throws IOException {
        int least = supply.isPresent() ? minServers : Integer.MAX_VALUE;
        int most = supply.isPresent() ? maxServers : 0;
        return new Grid(servers, agents, SliceTable.load(store, oldGridFile, servers.list(), least, most,
                newServer), supply);
    }

    public List<ServerSettings> servers() {
        return servers.list();
    }

    public Optional<ServerSettings> server(String id) {
        return servers.read(id);
    }

    /** Whether the server is being drained and removed (off the grid, still in the list until it is gone). */
    public boolean isLeaving(String id) {
        return leaving.contains(id);
    }

    /**
     * Hears that a server joined (or left) the grid, with every server now in it; called on the thread
     * that changed the grid, so a listener with slow work (the firewall) hands it to a thread of its own.
     */
    public synchronized void onMembershipChange(java.util.function.Consumer<List<ServerSettings>> listener) {
        membershipListeners.add(listener);
    }

    void tellMembers() {
        List<ServerSettings> now = servers.list().stream().filter(server -> !leaving.contains(server.id())).toList();
        membershipListeners.forEach(listener -> listener.accept(now));
    }

    public AgentClient agent(ServerSettings server) {
        return agents.client(server);
    }

    /** {@link #place(Slice, Consumer)} telling no one about a server being added. */
    public ServerChoice place(Slice slice) {
        return place(slice, line -> { });
    }

    /**
     * Reserves room for a container, adding a server first when the grid is full and one can be added;
     * {@code progress} hears about that ({@code -----> grid full: adding a server (2 GiB, 1 cpu) …}). A server
     * being added (seconds locally, minutes for a droplet) blocks only the placements that need one: they
     * take turns, and each looks again once the one before it added its server.
     */
    public ServerChoice place(Slice slice, Consumer<String> progress) {
        synchronized (this) {
            Placement placement = table.place(slice);
            if (!(placement instanceof Placement.NeedsNewBlock)) {
                return choice(placement, slice);
            }
            table.abandonCreate();
        }
        growing.lock();
        try {
            Placement.NeedsNewBlock needs;
            synchronized (this) {
                Placement placement = table.place(slice);
                if (!(placement instanceof Placement.NeedsNewBlock asked)) {
                    return choice(placement, slice);
                }
                needs = asked;
            }
            Optional<String> failure = grow(needs, slice, progress);
            if (failure.isPresent()) {
                return new ServerChoice.NoRoom(failure.get());
            }
            synchronized (this) {
                return choice(table.place(slice), slice);
            }
        } finally {
            growing.unlock();
        }
    }

    private ServerChoice choice(Placement placement, Slice slice) {
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

    /**
     * Adds a server of the size slicegrid asked for, outside the grid's lock; empty when it was added, else
     * why not (nothing is left).
     */
    private Optional<String> grow(Placement.NeedsNewBlock needs, Slice slice, Consumer<String> progress) {
        if (supply.isEmpty()) {
            abandonCreate();
            return Optional.of("the grid is full: " + needs.describe() + " for " + slice.id()
                    + " and this HQ adds no servers; add one, or start HQ with --max-servers");
        }
        String id = newId();
        String adding = "-----> grid full: adding a server (" + SizeText.of(needs.capacity()) + ") …";
        progress.accept(adding);
        long started = System.nanoTime();
        ServerSettings server;
        try {
            server = supply.get().starter().start(new ServerRequest(id, needs.capacity(), needs.tags(),
                    Optional.empty()));
        } catch (IOException | RuntimeException e) {
            abandonCreate();
            progress.accept(adding + " failed");
            return Optional.of("the grid is full and server " + id + " could not be added: " + e.getMessage());
        }
        try {
            keep(server);
        } catch (IllegalStateException e) {
            abandonCreate();
            return Optional.of("the grid is full and " + e.getMessage());
        }
        String seconds = java.math.BigDecimal.valueOf((System.nanoTime() - started) / 1_000_000, 3)
                .setScale(1, java.math.RoundingMode.HALF_UP).toPlainString();
        progress.accept(adding + " ready in " + seconds + " s: " + id + " on " + server.host()
                + (server.isFromProvider() ? " (" + server.provider() + " " + server.providerId() + ")" : ""));
        LOG.info("added server {} on {} for {} in {} s", id, server.host(), slice.id(), seconds);
        tellMembers();
        return Optional.empty();
    }

    /**
     * Records a server the supply just made and puts it on the grid; when that fails it is given back and an
     * IllegalStateException says so ({@code server s3 was made but could not be recorded (...); it was removed
     * again}).
     */
    private void keep(ServerSettings server) {
        try {
            synchronized (this) {
                servers.save(server);
                table.addServer(server);
            }
        } catch (RuntimeException e) {
            giveBackQuietly(server);
            throw new IllegalStateException("server " + server.id() + " was made but could not be recorded ("
                    + e.getMessage() + "); it was removed again", e);
        }
    }

    private synchronized void abandonCreate() {
        table.abandonCreate();
    }

    private void giveBackQuietly(ServerSettings server) {
        try {
            supply.orElseThrow().remover().remove(server);
        } catch (IOException | RuntimeException e) {
            LOG.error("server {} on {} could not be recorded nor removed: {}; remove it by hand", server.id(),
                    server.host(), e.getMessage());
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

    /**
     * Asks every agent at once what it runs; an agent that does not answer is named, not taken as empty, and
     * what it last reported is kept apart ({@link GridListing#lastSeen}). A server off the grid is not asked.
     */
    public GridListing list() {
        List<ServerSettings> all = servers();
        List<Object> answers = Parallel.map(all, server -> {
            if (away.contains(server.id())) {
                return "server " + server.id() + " is off the grid: its agent stopped answering";
            }
            try {
                return agents.client(server).list();
            } catch (AgentException e) {
                return e.getMessage();
            }
        });
        List<RunningContainer> containers = new ArrayList<>();
        List<RunningContainer> unanswered = new ArrayList<>();
        List<RunningContainer> oneOffs = new ArrayList<>();
        Map<String, String> unreachable = new TreeMap<>();
        for (int index = 0; index < all.size(); index++) {
            ServerSettings server = all.get(index);
            if (answers.get(index) instanceof Answers.Listing listing) {
                List<RunningContainer> found = listing.containers().stream()
                        .map(status -> new RunningContainer(server, status)).toList();
                lastSeen.put(server.id(), found);
                containers.addAll(found);
                listing.oneOffs().forEach(status -> oneOffs.add(new RunningContainer(server, status)));
            } else {
                unreachable.put(server.id(), (String) answers.get(index));
                unanswered.addAll(lastSeen.getOrDefault(server.id(), List.of()));
            }
        }
        return new GridListing(containers, unreachable, unanswered, oneOffs);
    }

    /**
     * Takes a down server off the grid: nothing is placed on it any more and its containers' room is freed,
     * so the reconciler places them on the other servers (adding one when none has room). It stays in the
     * server list; answers whether it was on the grid.
     */
    public synchronized boolean takeOff(String serverId) {
        if (leaving.contains(serverId) || !away.add(serverId)) {
            return false;
        }
        table.dropServer(serverId);
        return true;
    }

    /** A server taken off that is back and has no stale container left: on the grid again, empty. */
    public synchronized void putBack(ServerSettings server) {
        if (away.contains(server.id())) {
            lastSeen.remove(server.id());
            table.addServer(server);
            away.remove(server.id());
        }
    }

    /** Where {@link #liveness} reads each server's heartbeat state (HQ's liveness watch). */
    public void watchedBy(java.util.function.Function<String, Optional<dev.quarry.hq.liveness.Liveness>> source) {
        liveness = source;
    }

    /** Whether the server's agent answers HQ's heartbeat, and since when; empty when no one watches it. */
    public Optional<dev.quarry.hq.liveness.Liveness> liveness(String serverId) {
        return liveness.apply(serverId);
    }

    /** Whether the server was taken off the grid ({@link #takeOff}) and not put back yet. */
    public boolean isAway(String serverId) {
        return away.contains(serverId);
    }

    /** Frees a container's room; a server it leaves empty above the minimum is drained and removed. */
    public void free(String containerId) {
        List<String> emptied;
        synchronized (this) {
            table.remove(containerId);
            emptied = table.takeDestroyed();
        }
        emptied.forEach(this::retire);
    }

    /**
     * Gives back the servers left empty above the minimum that no freed container gave back (HQ stopped
     * while removing one, or a removal failed and is tried again); HQ calls it after reconciling.
     */
    public void giveBackEmpty() {
        if (supply.isEmpty()) {
            return;
        }
        List<String> empty;
        synchronized (this) {
            empty = table.dropEmptyAboveMinimum();
        }
        empty.forEach(this::retire);
    }

    /** Drains and removes a server slicegrid took off the grid, on a thread of its own. */
    private void retire(String serverId) {
        Optional<ServerSettings> server = servers.read(serverId);
        if (server.isEmpty() || supply.isEmpty() || !leaving.add(serverId)) {
            return;
        }
        Thread.ofVirtual().name("hq-retire-" + serverId).start(() -> new ServerRetirement(this, supply.get().remover())
                .retire(server.get()));
    }

    /** The server is gone: forget it everywhere. */
    synchronized void removed(ServerSettings server) throws IOException {
        servers.delete(server.id());
        agents.forget(server);
        lastSeen.remove(server.id());
        away.remove(server.id());
        leaving.remove(server.id());
        tellMembers();
    }

    /** The server could not be removed: it goes back on the grid, empty, to be used again. */
    synchronized void kept(ServerSettings server) {
        table.addServer(server);
        leaving.remove(server.id());
    }

    /**
     * Gives a server that is off the grid ({@link #takeOff}) back to its provider without asking its agent (it
     * does not answer), then forgets it; false when it is not off the grid, already leaving, or this grid adds no
     * servers.
     *
     * @throws IOException when the provider could not remove it (it stays off the grid, to be tried again)
     */
    public boolean giveBackLost(ServerSettings server) throws IOException {
        synchronized (this) {
            if (supply.isEmpty() || !away.contains(server.id()) || !leaving.add(server.id())) {
                return false;
            }
        }
        try {
            supply.get().remover().remove(server);
        } catch (IOException | RuntimeException e) {
            leaving.remove(server.id());
            throw e instanceof IOException io ? io : new IOException(e.getMessage(), e);
        }
        removed(server);
        return true;
    }

    /**
     * Asks the provider for a server like {@code lost} (its capacity and tags, a new id), on the grid at once;
     * the new server's settings, or why there is none.
     */
    public ServerSettings replace(ServerSettings lost) throws IOException {
        if (supply.isEmpty()) {
            throw new IOException("this HQ adds no servers");
        }
        growing.lock();
        try {
            ServerSettings server = supply.get().starter().start(new ServerRequest(newId(), lost.capacity(),
                    Set.copyOf(lost.tags()), Optional.empty()));
            try {
                keep(server);
            } catch (IllegalStateException e) {
                throw new IOException(e.getMessage(), e);
            }
            tellMembers();
            return server;
        } finally {
            growing.unlock();
        }
    }

    /** The containers of old releases draining in the background before they are removed (ps shows them so). */
    public Set<String> draining() {
        return Set.copyOf(draining);
    }

    /** Marks containers as draining ({@code true}) or no longer ({@code false}). */
    public void draining(java.util.Collection<String> containerIds, boolean now) {
        if (now) {
            draining.addAll(containerIds);
        } else {
            draining.removeAll(containerIds);
        }
    }

    /** Waits until no server is being removed, up to {@code patience}; answers whether none is. */
    public boolean awaitNoneLeaving(java.time.Duration patience) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        while (!leaving.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        return leaving.isEmpty();
    }

    /** The server a container's room is reserved on. */
    public synchronized Optional<ServerSettings> serverOf(String containerId) {
        return table.serverOf(containerId).flatMap(servers::read);
    }

    /** Records a container found running on a server although the grid did not know it there. */
    public synchronized void adopt(Slice slice, String serverId) {
        if (leaving.contains(serverId) || away.contains(serverId)) {
            return;
        }
        table.remove(slice.id());
        table.adopt(slice, serverId);
        table.takeDestroyed().forEach(this::retire);
    }

    public synchronized GridSnapshot snapshot() {
        return table.snapshot();
    }
}
