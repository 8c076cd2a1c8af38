package dev.quarry.hq.commands;

import dev.quarry.hq.access.Request;
import dev.quarry.hq.release.Release;
import dev.quarry.hq.release.StackRecord;
import dev.quarry.hq.release.StackState;
import dev.quarry.hq.state.JsonValues;
import dev.quarry.hq.state.StateException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** {@code apps [--json]}: every stack with its live release. */
final class AppsVerb implements Verb {
    static final String USAGE = "apps [--json]";

    private final StackState state;

    AppsVerb(StackState state) {
        this.state = state;
    }

    /** One app as {@code --json} shows it; {@code problem} says why a stack's state cannot be read. */
    record AppRow(String app, int release, String commit, String branch, String deployed, String problem) { }

    @Override
    public Request request(List<String> words) {
        Arguments.parse(words, Set.of("--json"), USAGE).atMost(0);
        return new Request.Open();
    }

    /** Every app for an admin; for a developer, the apps it reaches. */
    @Override
    public int run(VerbContext context) {
        Arguments arguments = Arguments.parse(context.arguments(), Set.of("--json"), USAGE).atMost(0);
        List<AppRow> rows = new ArrayList<>();
        for (String name : state.names().stream().filter(context.caller()::reaches).toList()) {
            try {
                state.stack(name).ifPresent(stored -> rows.add(row(stored.value())));
            } catch (StateException e) {
                rows.add(new AppRow(name, 0, "", "", "", "cannot be read: " + e.getMessage()));
            }
        }
        if (arguments.has("--json")) {
            context.out().println(new String(JsonValues.write(rows), java.nio.charset.StandardCharsets.UTF_8));
        } else if (rows.isEmpty()) {
            context.out().println("no apps yet; push one: git push quarry@HQ:APP main");
        } else {
            print(context, rows);
        }
        return 0;
    }

    /** The readable apps as a table, then one line for each app whose state cannot be read. */
    private static void print(VerbContext context, List<AppRow> rows) {
        List<List<String>> lines = rows.stream().filter(row -> row.problem().isEmpty()).map(row -> List.of(row.app(),
                row.release() == 0 ? "-" : Integer.toString(row.release()), shorten(row.commit()), row.branch(),
                row.deployed())).toList();
        context.out().print(TextTable.render(List.of("APP", "RELEASE", "COMMIT", "BRANCH", "DEPLOYED"), lines));
        rows.stream().filter(row -> !row.problem().isEmpty())
                .forEach(row -> context.out().println(row.app() + "  " + row.problem()));
    }

    private AppRow row(StackRecord stack) {
        Optional<Release> current = stack.hasCurrent() ? state.release(stack.name(), stack.current())
                : Optional.empty();
        return new AppRow(stack.name(), stack.current(), current.map(Release::commit).orElse(""),
                stack.deployBranch(), current.map(release -> Times.show(release.created())).orElse(""), "");
    }

    static String shorten(String commit) {
        return commit.length() > 12 ? commit.substring(0, 12) : commit;
    }
}
