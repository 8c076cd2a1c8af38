package dev.quarry.hq.commands;

import dev.quarry.compiler.plan.Stack;
import dev.quarry.compiler.spec.NodeSpec;
import dev.quarry.hq.access.AppAction;
import dev.quarry.hq.access.Request;
import dev.quarry.hq.grid.Grid;
import dev.quarry.hq.release.StackState;
import dev.quarry.hq.state.JsonValues;
import dev.quarry.hq.state.StateException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * {@code ps [APP] [--json]}: on a grid, every container of the apps with its server, address, state,
 * restarts and release, as the agents report them; without a grid, each node of the live releases with
 * its scale, all {@code planned}.
 */
final class PsVerb implements Verb {
    static final String USAGE = "ps [APP] [--json] [--health]";

    private final StackState state;
    private final Optional<Grid> grid;

    PsVerb(StackState state, Optional<Grid> grid) {
        this.state = state;
        this.grid = grid;
    }

    /** One node as {@code --json} shows it. */
    record NodeRow(String app, String node, int release, int scale, String runtime, List<String> domains,
            String state) { }

    @Override
    public Request request(List<String> words) {
        Arguments arguments = Arguments.parse(words, Set.of("--json", "--health"), USAGE).atMost(1);
        if (arguments.positional().isEmpty()) {
            return new Request.AdminOnly("list every app's containers (ps without an app)");
        }
        return new Request.OnApp(arguments.app(0), AppAction.SEE_CONTAINERS);
    }

    @Override
    public int run(VerbContext context) {
        Arguments arguments = Arguments.parse(context.arguments(), Set.of("--json", "--health"), USAGE).atMost(1);
        List<String> unreadable = new ArrayList<>();
        List<String> apps = arguments.positional().isEmpty() ? readable(unreadable) : List.of(arguments.app(0));
        if (grid.isPresent()) {
            apps.forEach(app -> StackLookup.require(state, app));
            new ContainerTable(grid.get().list(), apps, grid.get().draining()).print(context.out(), arguments.has("--json"),
                    arguments.has("--health"));
            unreadable.forEach(context.out()::println);
            return 0;
        }
        List<NodeRow> rows = new ArrayList<>();
        for (String app : apps) {
            if (!arguments.positional().isEmpty() || StackLookup.require(state, app).value().hasCurrent()) {
                rows.addAll(rows(StackLookup.currentStack(state, app)));
            }
        }
        if (arguments.has("--json")) {
            context.out().println(new String(JsonValues.write(rows), StandardCharsets.UTF_8));
        } else if (rows.isEmpty()) {
            context.out().println("no nodes: no app has a deployed release yet");
        } else {
            List<List<String>> lines = rows.stream().map(row -> List.of(row.app(), row.node(),
                    Integer.toString(row.release()), Integer.toString(row.scale()), row.runtime(),
                    String.join(",", row.domains()), row.state())).toList();
            context.out().print(TextTable.render(
                    List.of("APP", "NODE", "RELEASE", "SCALE", "RUNTIME", "DOMAINS", "STATE"), lines));
        }
        unreadable.forEach(context.out()::println);
        return 0;
    }

    /** The apps whose state reads; a line {@code APP  cannot be read: REASON} in {@code unreadable} for each other. */
    private List<String> readable(List<String> unreadable) {
        List<String> apps = new ArrayList<>();
        for (String app : state.names()) {
            try {
                StackLookup.require(state, app);
                apps.add(app);
            } catch (StateException e) {
                unreadable.add(app + "  cannot be read: " + e.getMessage());
            }
        }
        return apps;
    }

    private static List<NodeRow> rows(Stack stack) {
        List<NodeRow> rows = new ArrayList<>();
        for (NodeSpec node : stack.spec().nodes().values()) {
            rows.add(new NodeRow(stack.name(), node.name(), stack.release(), node.scale(),
                    node.runtime().name().toLowerCase(Locale.ROOT), node.domains(), "planned"));
        }
        return rows;
    }
}
