package dev.quarry.hq.commands;

import dev.quarry.hq.grid.Grid;
import dev.quarry.hq.grid.GridListing;
import dev.quarry.hq.grid.RunningContainer;
import dev.quarry.hq.grid.ServerSettings;
import dev.quarry.hq.state.JsonValues;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** {@code servers [--json]}: the grid's servers, their capacity and tags, and what their agents run now. */
final class ServersVerb implements Verb {
    static final String USAGE = "servers [--json]";

    private final Optional<Grid> grid;

    ServersVerb(Optional<Grid> grid) {
        this.grid = grid;
    }

    /** One server as {@code --json} shows it. */
    record ServerRow(String id, String host, int agentPort, int memoryMebibytes, int cpuMillicores, List<String> tags,
            boolean local, int containers, String agent) { }

    @Override
    public int run(VerbContext context) {
        Arguments arguments = Arguments.parse(context.arguments(), Set.of("--json"), USAGE).atMost(0);
        List<ServerRow> rows = grid.map(ServersVerb::rows).orElse(List.of());
        if (arguments.has("--json")) {
            context.out().println(new String(JsonValues.write(rows), StandardCharsets.UTF_8));
        } else if (rows.isEmpty()) {
            context.out().println(grid.isEmpty() ? "no servers: this HQ runs without a grid; start it with --router"
                    + " (and --local-servers N) to run containers" : "no servers yet: add one, or start HQ with"
                    + " --local-servers N");
        } else {
            List<List<String>> lines = rows.stream().map(row -> List.of(row.id(), row.host() + ":" + row.agentPort(),
                    row.memoryMebibytes() + "M", row.cpuMillicores() + "m", String.join(",", row.tags()),
                    row.local() ? "local" : "", Integer.toString(row.containers()), row.agent())).toList();
            context.out().print(TextTable.render(List.of("ID", "AGENT", "MEMORY", "CPU", "TAGS", "KIND", "CONTAINERS",
                    "STATE"), lines));
        }
        return 0;
    }

    private static List<ServerRow> rows(Grid grid) {
        GridListing listing = grid.list();
        List<ServerRow> rows = new ArrayList<>();
        for (ServerSettings server : grid.servers()) {
            long count = listing.containers().stream().map(RunningContainer::server)
                    .filter(on -> on.id().equals(server.id())).count();
            String agent = listing.isUnknown(server.id()) ? "unreachable: " + listing.unreachable().get(server.id())
                    : "up";
            rows.add(new ServerRow(server.id(), server.host(), server.agentPort(), server.memoryMebibytes(),
                    server.cpuMillicores(), server.tags(), server.isLocal(), (int) count, agent));
        }
        return rows;
    }
}
