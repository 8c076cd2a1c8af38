package dev.quarry.hq.commands;

import dev.quarry.hq.state.StateKey;
import dev.quarry.hq.state.StateStore;
import dev.quarry.hq.state.Versioned;
import java.util.Optional;
import java.util.Set;

/** {@code grid [APP] [--json]}: the allocation of containers onto servers, as slicegrid stores it in grid/grid.json. */
final class GridVerb implements Verb {
    static final String USAGE = "grid [APP] [--json]";

    private final StateStore store;

    GridVerb(StateStore store) {
        this.store = store;
    }

    @Override
    public int run(VerbContext context) {
        Arguments arguments = Arguments.parse(context.arguments(), Set.of("--json"), USAGE).atMost(1);
        if (!arguments.positional().isEmpty()) {
            arguments.app(0);
        }
        Optional<Versioned> grid = store.read(StateKey.of("grid", "grid.json"));
        if (grid.isPresent()) {
            context.out().println(grid.get().text().strip());
        } else if (arguments.has("--json")) {
            context.out().println("{}");
        } else {
            context.out().println("no grid yet: slicegrid places containers once the launch module lands");
        }
        return 0;
    }
}
