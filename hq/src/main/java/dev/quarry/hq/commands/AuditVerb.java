package dev.quarry.hq.commands;

import dev.quarry.hq.access.AuditEntry;
import dev.quarry.hq.access.AuditLog;
import dev.quarry.hq.access.Request;
import dev.quarry.hq.state.JsonValues;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code audit [APP] [-n N] [--json]}: the last N (default 50) state-changing actions, oldest first, one
 * line each: when, who, from which address, what (only those of APP when given). For admins.
 */
final class AuditVerb implements Verb {
    static final String USAGE = "audit [APP] [-n COUNT] [--json]";
    static final int DEFAULT_COUNT = 50;
    static final int MOST_COUNT = 10_000;

    private final AuditLog log;

    AuditVerb(AuditLog log) {
        this.log = log;
    }

    /** The parsed words: the app, if any, and how many entries. */
    private record Parsed(Optional<String> app, int count, boolean json) { }

    @Override
    public Request request(List<String> words) {
        parse(words);
        return new Request.AdminOnly("read the audit log");
    }

    @Override
    public int run(VerbContext context) {
        Parsed parsed = parse(context.arguments());
        List<AuditEntry> entries = log.last(parsed.app(), parsed.count());
        if (parsed.json()) {
            context.out().println(new String(JsonValues.write(entries), StandardCharsets.UTF_8));
        } else if (entries.isEmpty()) {
            context.out().println("nothing in the audit log" + parsed.app().map(app -> " for " + app).orElse(""));
        } else {
            context.out().print(TextTable.render(List.of("WHEN", "WHO", "FROM", "WHAT"), entries.stream()
                    .map(entry -> List.of(Times.show(entry.at()), entry.who(), entry.address(), entry.what()))
                    .toList()));
        }
        return 0;
    }

    private static Parsed parse(List<String> words) {
        List<String> rest = new ArrayList<>(words);
        int count = DEFAULT_COUNT;
        int at = rest.indexOf("-n");
        if (at >= 0) {
            if (at == rest.size() - 1 || !rest.get(at + 1).matches("[0-9]{1,5}")
                    || Integer.parseInt(rest.get(at + 1)) < 1 || Integer.parseInt(rest.get(at + 1)) > MOST_COUNT) {
                throw VerbFailure.usage("-n takes a number of entries from 1 to " + MOST_COUNT, USAGE);
            }
            count = Integer.parseInt(rest.remove(at + 1));
            rest.remove(at);
        }
        Arguments arguments = Arguments.parse(rest, Set.of("--json"), USAGE).atMost(1);
        Optional<String> app = arguments.positional().isEmpty() ? Optional.empty() : Optional.of(arguments.app(0));
        return new Parsed(app, count, arguments.has("--json"));
    }
}
