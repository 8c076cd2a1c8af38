package dev.quarry.hq.grid;

import dev.quarry.hq.state.StateConflictException;
import dev.quarry.hq.state.StateCorruptException;
import dev.quarry.hq.state.StateKey;
import dev.quarry.hq.state.StateStore;
import dev.quarry.hq.state.Versioned;
import dev.quarry.slicegrid.BlockLoad;
import dev.quarry.slicegrid.GridEvent;
import dev.quarry.slicegrid.GridOptions;
import dev.quarry.slicegrid.GridSnapshot;
import dev.quarry.slicegrid.SliceGrid;
import dev.quarry.slicegrid.model.Resources;
import dev.quarry.slicegrid.model.Slice;
import dev.quarry.slicegrid.persistence.GridFile;
import dev.quarry.slicegrid.persistence.GridFileException;
import dev.quarry.slicegrid.placement.Placement;
import dev.quarry.slicegrid.placement.Placers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * slicegrid's grid of HQ's servers, kept in the state store under {@code grid/placement.json} (grid.json's
 * format) and written after every change as a compare-and-set on the revision last read. Several HQs on
 * one store (etcd) share it: a change made on a stale copy conflicts, and is made again on the fresh one.
 * When servers can be added and removed, the grid's minimum and maximum are the settings' and a server
 * left empty above the minimum is taken off the grid (slicegrid's destroy, collected for
 * {@link #takeDestroyed}); otherwise both are the number of servers it has. Callers in one HQ take turns
 * (the {@link Grid} holds the lock).
 */
final class SliceTable {
    static final StateKey KEY = StateKey.of("grid", "placement.json");
    private static final int TRIES = 20;

    private final StateStore store;
    private final int minServers;
    private final int maxServers;
    private final Resources newServer;
    private final List<String> destroyed = new ArrayList<>();
    private SliceGrid grid;
    private long revision = StateStore.ABSENT;

    private SliceTable(StateStore store, int minServers, int maxServers, Resources newServer) {
        this.store = store;
        this.minServers = minServers;
        this.maxServers = maxServers;
        this.newServer = newServer;
    }

    /**
     * The stored grid (or the one an older HQ left in {@code grid/grid.json}, taken over once, or an empty
     * one) with exactly these servers as its blocks.
     *
     * @param minServers the fewest servers the grid gives back down to ({@code Integer.MAX_VALUE}: never)
     * @param maxServers the most servers it asks for (0: none)
     */
    static SliceTable load(StateStore store, Path oldFile, List<ServerSettings> servers, int minServers,
            int maxServers, Resources newServer) throws IOException {
        SliceTable table = new SliceTable(store, minServers, maxServers, newServer);
        Optional<Versioned> stored = store.read(KEY);
        List<BlockLoad> loads = List.of();
        if (stored.isPresent()) {
            table.revision = stored.get().revision();
            loads = parse(stored.get().value()).blocks();
        } else if (Files.exists(oldFile)) {
            loads = GridFile.read(oldFile).blocks();
        }
        Map<String, BlockLoad> byServer = loads.stream()
                .collect(Collectors.toMap(load -> load.block().id(), Function.identity()));
        List<BlockLoad> kept = new ArrayList<>();
        for (ServerSettings server : servers) {
            BlockLoad old = byServer.get(server.id());
            kept.add(new BlockLoad(server.block(), old == null ? List.of() : old.slices()));
        }
        table.change(() -> {
            table.rebuild(kept);
            return true;
        });
        Files.deleteIfExists(oldFile);
        return table;
    }

    Placement place(Slice slice) {
        Placement[] placement = new Placement[1];
        change(() -> {
            placement[0] = grid.place(slice);
            return placement[0] instanceof Placement.OnBlock;
        });
        return placement[0];
    }

    /** The grid asked for a server that will not come. */
    void abandonCreate() {
        grid.abandonCreate();
    }

    void addServer(ServerSettings server) {
        change(() -> {
            List<BlockLoad> loads = new ArrayList<>(grid.snapshot().blocks());
            loads.removeIf(load -> load.block().id().equals(server.id()));
            loads.add(new BlockLoad(server.block(), List.of()));
            rebuild(loads);
            return true;
        });
    }

    /** Takes a server off the grid with the slices placed on it (they are placed again elsewhere). */
    void dropServer(String serverId) {
        change(() -> {
            List<BlockLoad> loads = new ArrayList<>(grid.snapshot().blocks());
            if (!loads.removeIf(load -> load.block().id().equals(serverId))) {
                return false;
            }
            rebuild(loads);
            return true;
        });
    }

    /** Records a slice as running on a server, as found there (adopting what runs). */
    void adopt(Slice slice, String serverId) {
        change(() -> {
            grid.remove(slice.id());
            List<BlockLoad> loads = new ArrayList<>();
            for (BlockLoad load : grid.snapshot().blocks()) {
                List<Slice> slices = new ArrayList<>(load.slices());
                if (load.block().id().equals(serverId)) {
                    slices.add(slice);
                }
                loads.add(new BlockLoad(load.block(), slices));
            }
            rebuild(loads);
            return true;
        });
    }

    /**
     * Takes empty servers off the grid while it has more than its minimum, newest first (an HQ stopped
     * while removing one, a removal that failed); answers their ids.
     */
    List<String> dropEmptyAboveMinimum() {
        List<String> dropped = new ArrayList<>();
        change(() -> {
            dropped.clear();
            List<BlockLoad> loads = new ArrayList<>(grid.snapshot().blocks());
            List<BlockLoad> empty = loads.stream().filter(load -> load.slices().isEmpty())
                    .sorted(java.util.Comparator.comparing((BlockLoad load) -> load.block().id().length())
                            .thenComparing(load -> load.block().id()).reversed())
                    .toList();
            for (BlockLoad load : empty) {
                if (loads.size() <= minServers) {
                    break;
                }
                loads.remove(load);
                dropped.add(load.block().id());
            }
            if (dropped.isEmpty()) {
                return false;
            }
            rebuild(loads);
            return true;
        });
        return List.copyOf(dropped);
    }

    /** The servers slicegrid gave back since the last call: empty, above the minimum, off the grid now. */
    List<String> takeDestroyed() {
        List<String> taken = List.copyOf(destroyed);
        destroyed.clear();
        return taken;
    }

    Optional<Slice> remove(String sliceId) {
        List<Optional<Slice>> removed = new ArrayList<>(List.of(Optional.empty()));
        change(() -> {
            removed.set(0, grid.remove(sliceId));
            return removed.get(0).isPresent();
        });
        return removed.get(0);
    }

    Optional<String> serverOf(String sliceId) {
        refresh();
        return grid.blockOf(sliceId).map(block -> block.id());
    }

    GridSnapshot snapshot() {
        refresh();
        return grid.snapshot();
    }

    /**
     * Makes a change on the newest stored grid and stores it; {@code change} answers whether it changed
     * anything. Another HQ's write in between: the change is made again on its grid.
     */
    private void change(Supplier<Boolean> change) {
        for (int attempt = 1; ; attempt++) {
            refresh();
            List<String> destroyedBefore = List.copyOf(destroyed);
            if (!change.get()) {
                return;
            }
            try {
                revision = store.write(KEY, revision, GridFile.toBytes(grid.snapshot()));
                return;
            } catch (StateConflictException e) {
                destroyed.clear();
                destroyed.addAll(destroyedBefore);
                if (attempt == TRIES) {
                    throw e;
                }
                revision = -1;
            }
        }
    }

    /** Reads the stored grid again when another HQ changed it since this one last read or wrote it. */
    private void refresh() {
        Optional<Versioned> stored = store.read(KEY);
        long now = stored.map(Versioned::revision).orElse(StateStore.ABSENT);
        if (grid != null && now == revision) {
            return;
        }
        revision = now;
        if (stored.isPresent()) {
            rebuild(parse(stored.get().value()).blocks());
        } else if (grid == null) {
            rebuild(List.of());
        }
    }

    private static GridSnapshot parse(byte[] bytes) {
        try {
            return GridFile.fromBytes(bytes, Path.of("grid", "placement.json"));
        } catch (GridFileException e) {
            throw new StateCorruptException(KEY + ": " + e.getMessage());
        }
    }

    private void rebuild(List<BlockLoad> loads) {
        int servers = loads.size();
        GridOptions options = new GridOptions(Math.min(minServers, servers), Math.max(1, Math.max(servers, maxServers)),
                false, newServer);
        grid = SliceGrid.restore(new GridSnapshot(options, loads, 0), Placers.standard());
        grid.addListener(event -> {
            if (event instanceof GridEvent.Destroy destroy) {
                destroyed.add(destroy.block().id());
            }
        });
    }
}
