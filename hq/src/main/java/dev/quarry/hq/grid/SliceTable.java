package dev.quarry.hq.grid;

import dev.quarry.slicegrid.BlockLoad;
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
 * GridFile) after every change. Servers are never given back by the grid itself: its minimum is the
 * number of servers; its maximum is that or, when servers can be started, the most allowed.
 * Callers take turns (the {@link Grid} holds the lock).
 */
final class SliceTable {
    private final Path file;
    private final int maxServers;
    private final Resources newServer;
    private SliceGrid grid;

    private SliceTable(Path file, int maxServers, Resources newServer) {
        this.file = file;
        this.maxServers = maxServers;
        this.newServer = newServer;
    }

    /** The grid of grid.json (or an empty one) with exactly these servers as its blocks. */
    static SliceTable load(Path file, List<ServerSettings> servers, int maxServers, Resources newServer)
            throws IOException {
        SliceTable table = new SliceTable(file, maxServers, newServer);
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
        GridOptions options = new GridOptions(servers, Math.max(1, Math.max(servers, maxServers)), false, newServer);
        grid = SliceGrid.restore(new GridSnapshot(options, loads, 0), Placers.standard());
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
