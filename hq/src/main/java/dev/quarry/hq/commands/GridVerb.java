package dev.quarry.hq.commands;

import dev.quarry.hq.access.Request;
import dev.quarry.hq.grid.Grid;
import dev.quarry.slicegrid.BlockLoad;
import dev.quarry.slicegrid.GridSnapshot;
import dev.quarry.slicegrid.picture.GridJson;
import dev.quarry.slicegrid.picture.GridPicture;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code grid [APP] [--json]}: slicegrid's picture of the servers and the room each container holds
 * (with APP: only that app's containers listed under it); {@code --json} gives the exact numbers.
 * {@code grid consolidate --dry-run}: the moves a move-budgeted consolidation round would make now.
 */
final class GridVerb implements Verb {
    static final String USAGE = "grid [APP] [--json] | grid consolidate --dry-run";
    private static final int WIDTH = 100;

    private final Optional<Grid> grid;

    GridVerb(Optional<Grid> grid) {
        this.grid = grid;
    }

    /** The picture shows every app's room on every server, so it is for admins, with or without an app. */
    @Override
    public Request request(List<String> words) {
        Arguments.parse(words, Set.of("--json", "--dry-run"), USAGE).atMost(1);
        return new Request.AdminOnly("see the grid");
    }

    @Override
    public int run(VerbContext context) {
        Arguments arguments = Arguments.parse(context.arguments(), Set.of("--json", "--dry-run"), USAGE).atMost(1);
        if (arguments.has("--dry-run")) {
            return consolidate(arguments, context);
        }
        if (arguments.positional().equals(List.of("consolidate"))) {
            throw VerbFailure.usage("a live consolidation round is not built yet; see the moves one would make"
                    + " with: grid consolidate --dry-run", USAGE);
        }
        Optional<String> app = arguments.positional().isEmpty() ? Optional.empty() : Optional.of(arguments.app(0));
        if (grid.isEmpty()) {
            context.out().println(arguments.has("--json") ? "{}"
                    : "no grid: this HQ runs without one; start it with --router (and --local-servers N)");
            return 0;
        }
        GridSnapshot snapshot = grid.get().snapshot();
        if (arguments.has("--json")) {
            context.out().println(GridJson.render(app.map(name -> only(snapshot, name)).orElse(snapshot)).strip());
            return 0;
        }
        context.out().print(GridPicture.render(snapshot, WIDTH));
        app.ifPresent(name -> only(snapshot, name).blocks().forEach(load -> load.slices().forEach(slice ->
                context.out().println(slice.id() + " on " + load.block().id() + " (" + slice.demand() + ")"))));
        return 0;
    }

    private int consolidate(Arguments arguments, VerbContext context) {
        if (!arguments.positional().equals(List.of("consolidate")) || arguments.has("--json")) {
            throw VerbFailure.usage("--dry-run goes with consolidate only", USAGE);
        }
        if (grid.isEmpty()) {
            context.out().println("no grid: this HQ runs without one; start it with --router (and --local-servers N)");
            return 0;
        }
        ConsolidationPreview.lines(grid.get().snapshot()).forEach(context.out()::println);
        return 0;
    }

    private static GridSnapshot only(GridSnapshot snapshot, String app) {
        List<BlockLoad> loads = snapshot.blocks().stream().map(load -> new BlockLoad(load.block(),
                load.slices().stream().filter(slice -> slice.id().startsWith(app + ".")).toList())).toList();
        return new GridSnapshot(snapshot.options(), loads, snapshot.pendingCreates());
    }
}
