package dev.quarry.hq.dashboard;

import dev.quarry.agent.client.AgentException;
import dev.quarry.hq.access.AppAction;
import dev.quarry.hq.access.Caller;
import dev.quarry.hq.access.Request;
import dev.quarry.hq.dashboard.pages.GridBlock;
import dev.quarry.hq.dashboard.pages.LogTail;
import dev.quarry.hq.dashboard.pages.ServerColumn;
import dev.quarry.hq.grid.Grid;
import dev.quarry.hq.grid.GridListing;
import dev.quarry.hq.grid.RunningContainer;
import dev.quarry.hq.grid.ServerSettings;
import dev.quarry.slicegrid.BlockLoad;
import dev.quarry.slicegrid.GridSnapshot;
import dev.quarry.slicegrid.model.Slice;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The grid's side of the pages: the servers as columns of containers (admins, as {@code grid}), and log tails. */
public final class GridData {
    static final int LOG_LINES = 100;

    private final Optional<Grid> grid;
    private final ListingCache listings;

    GridData(Optional<Grid> grid, ListingCache listings) {
        this.grid = grid;
        this.listings = listings;
    }

    /** The servers with their containers; empty when the caller may not see the grid. */
    public Optional<List<ServerColumn>> columns(Caller caller) {
        if (caller.refusal(new Request.AdminOnly("see the grid")).isPresent()) {
            return Optional.empty();
        }
        if (grid.isEmpty()) {
            return Optional.of(List.of());
        }
        GridSnapshot snapshot = grid.get().snapshot();
        Map<String, RunningContainer> running = listings.listing().containers().stream()
                .collect(Collectors.toMap(RunningContainer::id, Function.identity(), (one, other) -> one));
        Map<String, BlockLoad> loads = snapshot.blocks().stream()
                .collect(Collectors.toMap(load -> load.block().id(), Function.identity(), (one, other) -> one));
        List<ServerColumn> columns = new ArrayList<>();
        for (ServerSettings server : grid.get().servers().stream().sorted(Comparator.comparing(ServerSettings::id))
                .toList()) {
            List<Slice> slices = Optional.ofNullable(loads.get(server.id())).map(BlockLoad::slices).orElse(List.of());
            columns.add(new ServerColumn(server.id(), server.host(), server.provider().isEmpty() ? "embedded"
                    : server.provider(), server.hourlyPrice().toPlainString(), state(server),
                    server.memoryMebibytes(), server.cpuMillicores(), slices.stream()
                    .sorted(Comparator.comparing(Slice::id)).map(slice -> block(slice, running)).toList()));
        }
        return Optional.of(columns);
    }

    private String state(ServerSettings server) {
        return grid.get().liveness(server.id()).map(liveness -> liveness.state().word()).orElse("up");
    }

    private static GridBlock block(Slice slice, Map<String, RunningContainer> running) {
        String app = slice.id().contains(".") ? slice.id().substring(0, slice.id().indexOf('.')) : slice.id();
        String state = Optional.ofNullable(running.get(slice.id()))
                .map(container -> container.status().state().name().toLowerCase(Locale.ROOT)).orElse("?");
        return new GridBlock(slice.id(), app, slice.demand().memoryMebibytes(), slice.demand().cpuMillicores(), state);
    }

    /** The last lines of each of the app's containers; empty when the caller may not read its logs. */
    public Optional<LogTail> logs(Caller caller, String app) {
        if (caller.refusal(new Request.OnApp(app, AppAction.READ_LOGS)).isPresent()) {
            return Optional.empty();
        }
        if (grid.isEmpty()) {
            return Optional.of(new LogTail(app, List.of()));
        }
        GridListing listing = listings.listing();
        List<LogTail.ContainerLog> logs = new ArrayList<>();
        for (RunningContainer container : listing.ofStack(app).stream()
                .sorted(Comparator.comparing(RunningContainer::id)).toList()) {
            List<String> lines;
            try {
                lines = grid.get().agent(container.server()).logs(container.id(), LOG_LINES);
            } catch (AgentException e) {
                lines = List.of("(no logs: " + e.getMessage() + ")");
            }
            logs.add(new LogTail.ContainerLog(container.id(), container.server().id(), lines));
        }
        return Optional.of(new LogTail(app, logs));
    }
}
