package dev.quarry.hq.commands;

import dev.quarry.hq.access.Request;
import dev.quarry.hq.grid.Grid;
import dev.quarry.hq.grid.GridListing;
import dev.quarry.hq.grid.RunningContainer;
import dev.quarry.hq.grid.ServerSettings;
import dev.quarry.hq.liveness.Liveness;
import dev.quarry.hq.state.JsonValues;
import dev.quarry.slicegrid.BlockLoad;
import dev.quarry.slicegrid.model.Resources;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * {@code servers [--json]}: the grid's servers — id, address, size, what containers reserve and what is
 * free, tags, where each came from, its hourly price — with the grid's total, and each server's state: up,
 * suspect (its agent left HQ's heartbeat unanswered 2 s), down (past the server TTL: its containers run
 * elsewhere), returning (answering again, its stale containers being removed) or leaving, and since when.
 */
final class ServersVerb implements Verb {
    static final String USAGE = "servers [--json]";

    private static final java.time.format.DateTimeFormatter SINCE = java.time.format.DateTimeFormatter
            .ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(java.time.ZoneOffset.UTC);

    private final Optional<Grid> grid;

    ServersVerb(Optional<Grid> grid) {
        this.grid = grid;
    }

    /** One server as {@code --json} shows it (memory in MiB, cpu in millicores, price in US dollars an hour). */
    record ServerRow(String id, String host, int agentPort, int memoryMebibytes, int cpuMillicores,
            int usedMemoryMebibytes, int usedCpuMillicores, List<String> tags, String provider, String providerId,
            BigDecimal hourlyPrice, boolean local, int containers, String agent, String state, String since) {
        Resources size() {
            return Resources.of(memoryMebibytes, cpuMillicores);
        }

        Resources used() {
            return Resources.of(usedMemoryMebibytes, usedCpuMillicores);
        }
    }

    @Override
    public Request request(List<String> words) {
        Arguments.parse(words, Set.of("--json"), USAGE).atMost(0);
        return new Request.AdminOnly("see the servers");
    }

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
            context.out().print(TextTable.render(List.of("ID", "ADDRESS", "SIZE", "USED", "FREE", "TAGS", "PROVIDER",
                    "$/HOUR", "CONTAINERS", "STATE"), lines(rows)));
        }
        return 0;
    }

    private static List<List<String>> lines(List<ServerRow> rows) {
        List<List<String>> lines = new ArrayList<>();
        Resources size = Resources.NONE;
        Resources used = Resources.NONE;
        BigDecimal price = BigDecimal.ZERO;
        int containers = 0;
        for (ServerRow row : rows) {
            lines.add(List.of(row.id(), row.host() + ":" + row.agentPort(), row.size().toString(),
                    row.used().toString(), row.size().minus(row.used()).toString(), String.join(",", row.tags()),
                    row.provider(), price(row.hourlyPrice()), Integer.toString(row.containers()), row.agent()));
            size = size.plus(row.size());
            used = used.plus(row.used());
            price = price.add(row.hourlyPrice());
            containers += row.containers();
        }
        lines.add(List.of("total", rows.size() + (rows.size() == 1 ? " server" : " servers"), size.toString(),
                used.toString(), size.minus(used).toString(), "", "", price(price), Integer.toString(containers), ""));
        return lines;
    }

    private static String price(BigDecimal dollars) {
        return dollars.signum() == 0 ? "0" : dollars.stripTrailingZeros().toPlainString();
    }

    private static List<ServerRow> rows(Grid grid) {
        GridListing listing = grid.list();
        Map<String, BlockLoad> loads = grid.snapshot().blocks().stream()
                .collect(Collectors.toMap(load -> load.block().id(), Function.identity()));
        List<ServerRow> rows = new ArrayList<>();
        for (ServerSettings server : grid.servers()) {
            long count = listing.containers().stream().map(RunningContainer::server)
                    .filter(on -> on.id().equals(server.id())).count();
            Optional<Liveness> liveness = grid.liveness(server.id());
            String state = grid.isLeaving(server.id()) ? "leaving"
                    : liveness.map(known -> known.state().word()).orElse(listing.isUnknown(server.id()) ? "unreachable"
                            : "up");
            String since = liveness.map(known -> SINCE.format(known.since())).orElse("");
            String agent = grid.isLeaving(server.id()) ? "leaving" : state + (since.isEmpty() ? "" : " since " + since)
                    + (listing.isUnknown(server.id()) ? ": " + listing.unreachable().get(server.id()) : "");
            Resources used = Optional.ofNullable(loads.get(server.id())).map(BlockLoad::used).orElse(Resources.NONE);
            rows.add(new ServerRow(server.id(), server.host(), server.agentPort(), server.memoryMebibytes(),
                    server.cpuMillicores(), used.memoryMebibytes(), used.cpuMillicores(), server.tags(),
                    server.isFromProvider() ? server.provider() : server.isLocal() ? "embedded" : "manual",
                    server.providerId(), server.hourlyPrice(), server.isLocal(), (int) count, agent, state, since));
        }
        return rows;
    }
}
