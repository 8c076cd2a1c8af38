package dev.quarry.hq.commands;

import dev.quarry.hq.state.JsonValues;
import dev.quarry.hq.state.StateKey;
import dev.quarry.hq.state.StateStore;
import dev.quarry.hq.state.Versioned;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

/** {@code servers [--json]}: the servers in the state ({@code servers/<id>/ip} and {@code hostname}). */
final class ServersVerb implements Verb {
    static final String USAGE = "servers [--json]";

    private final StateStore store;

    ServersVerb(StateStore store) {
        this.store = store;
    }

    /** One server as {@code --json} shows it. */
    record ServerRow(String id, String ip, String hostname) { }

    @Override
    public int run(VerbContext context) {
        Arguments arguments = Arguments.parse(context.arguments(), Set.of("--json"), USAGE).atMost(0);
        List<ServerRow> rows = store.children(StateKey.of("servers")).stream()
                .map(id -> new ServerRow(id, value(id, "ip"), value(id, "hostname")))
                .toList();
        if (arguments.has("--json")) {
            context.out().println(new String(JsonValues.write(rows), StandardCharsets.UTF_8));
        } else if (rows.isEmpty()) {
            context.out().println("no servers yet: HQ adds them once the launch and pacific modules land");
        } else {
            List<List<String>> lines = rows.stream().map(row -> List.of(row.id(), row.ip(), row.hostname())).toList();
            context.out().print(TextTable.render(List.of("ID", "IP", "HOSTNAME"), lines));
        }
        return 0;
    }

    private String value(String id, String file) {
        return store.read(StateKey.of("servers", id, file)).map(Versioned::text).map(String::strip).orElse("");
    }
}
