package dev.quarry.hq.grid;

import dev.quarry.slicegrid.BlockLoad;
import dev.quarry.slicegrid.GridEvent;
import dev.quarry.slicegrid.GridOptions;
import dev.quarry.slicegrid.GridSnapshot;
import dev.quarry.slicegrid.SliceGrid;
import dev.quarry.slicegrid.model.Resources;
import dev.quarry.slicegrid.model.Slice;
import dev.quarry.slicegrid.persistence.GridFile;
import dev.quarry.slicegrid.placement.Placement;
import dev.quarry.slicegrid.placement.Placers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * slicegrid's grid of HQ's servers, saved to {@code grid/grid.json} (atomically, by slicegrid's
 * GridFile) after every change. When servers can be added and removed, the grid's minimum and maximum
 * are the settings' and a server left empty above the minimum is taken off the grid (slicegrid's
 * destroy, collected for {@link #takeDestroyed}); otherwise both are the number of servers it has.
 * Callers take turns (the {@link Grid} holds the lock).
 */
final class SliceTable {
    private final Path file;
    private final int minServers;
    private final int maxServers;
    private final Resources newServer;
    private final List<String> destroyed = new ArrayList<>();
    private SliceGrid grid;

    private SliceTable(Path file, int minServers, int maxServers, Resources newServer) {
        this.file = file;
        this.minServers = minServers;
        this.maxServers = maxServers;
        this.newServer = newServer;
    }

    /**
     * The grid of grid.json (or an empty one) with exactly these servers as its blocks.
     *
     * @param minServers the fewest servers the grid gives back down to ({@code Integer.MAX_VALUE}: never)
     * @param maxServers the most servers it asks for (0: none)
     */
    static SliceTable load(Path file, List<ServerSettings> servers, int minServers, int maxServers,
            Resources newServer) throws IOException {
        SliceTable table = new SliceTable(file, minServers, maxServers, newServer);
        List<BlockLoad> loads = Files.exists(file) ? GridFile.read(file).blocks() : List.of();
        Map<String, BlockLoad> byServer = loads.stream()
                .collect(Collectors.toMap(load -> load.block().id(), Function.identity()));
        List<BlockLoad> kept = new ArrayList<>();
        for (ServerSettings server : servers) {
            BlockLoad old = byServer.get(server.id());
            kept.add(new BlockLoad(server.block(), old == null ? List.of() : old.slices()));
        }
        table.rebuild(kept);
        return table;
    }

    Placement place(Slice slice) {
        Placement placement = grid.place(slice);
        if (placement instanceof Placement.OnBlock) {
            save();
        }
        return placement;
    }

    /** The grid asked for a server that will not come. */
    void abandonCreate() {
        grid.abandonCreate();
    }

    void addServer(ServerSettings server) {
        List<BlockLoad> loads = new ArrayList<>(grid.snapshot().blocks());
        loads.add(new BlockLoad(server.block(), List.of()));
        rebuild(loads);
    }

    /** Records a slice as running on a server, as found there (adopting what runs). */
    void adopt(Slice slice, String serverId) {
        List<BlockLoad> loads = new ArrayList<>();
        for (BlockLoad load : grid.snapshot().blocks()) {
            List<Slice> slices = new ArrayList<>(load.slices());
            if (load.block().id().equals(serverId)) {
                slices.add(slice);
            }
            loads.add(new BlockLoad(load.block(), slices));
        }
        rebuild(loads);
    }

    /** Takes a server off the grid (it is being removed); its slices, if any, go with it. */
    void dropServer(String serverId) {
        List<BlockLoad> loads = new ArrayList<>(grid.snapshot().blocks());
        loads.removeIf(load -> load.block().id().equals(serverId));
        rebuild(loads);
    }

    /** The servers slicegrid gave back since the last call: empty, above the minimum, off the grid now. */
    List<String> takeDestroyed() {
        List<String> taken = List.copyOf(destroyed);
        destroyed.clear();
        return taken;
    }

    Optional<Slice> remove(String sliceId) {
        Optional<Slice> removed = grid.remove(sliceId);
        removed.ifPresent(slice -> save());
        return removed;
    }

    Optional<String> serverOf(String sliceId) {
        return grid.blockOf(sliceId).map(block -> block.id());
    }

    GridSnapshot snapshot() {
        return grid.snapshot();
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
        save();
    }

    private void save() {
        try {
            Files.createDirectories(file.getParent());
            GridFile.write(file, grid.snapshot());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage()
                    + "; check the disk has room", e);
        }
    }
}
