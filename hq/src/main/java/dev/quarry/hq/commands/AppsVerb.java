package dev.quarry.hq.commands;

import dev.quarry.hq.access.Request;
import dev.quarry.hq.release.Release;
import dev.quarry.hq.release.StackRecord;
import dev.quarry.hq.release.StackState;
import dev.quarry.hq.state.JsonValues;
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

    /** One app as {@code --json} shows it. */
    record AppRow(String app, int release, String commit, String branch, String deployed) { }

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
            state.stack(name).ifPresent(stored -> rows.add(row(stored.value())));
        }
        if (arguments.has("--json")) {
            context.out().println(new String(JsonValues.write(rows), java.nio.charset.StandardCharsets.UTF_8));
        } else if (rows.isEmpty()) {
            context.out().println("no apps yet; push one: git push quarry@HQ:APP main");
        } else {
            List<List<String>> lines = rows.stream().map(row -> List.of(row.app(),
                    row.release() == 0 ? "-" : Integer.toString(row.release()), shorten(row.commit()), row.branch(),
                    row.deployed())).toList();
            context.out().print(TextTable.render(List.of("APP", "RELEASE", "COMMIT", "BRANCH", "DEPLOYED"), lines));
        }
        return 0;
    }

    private AppRow row(StackRecord stack) {
        Optional<Release> current = stack.hasCurrent() ? state.release(stack.name(), stack.current())
                : Optional.empty();
        return new AppRow(stack.name(), stack.current(), current.map(Release::commit).orElse(""),
                stack.deployBranch(), current.map(release -> Times.show(release.created())).orElse(""));
    }

    static String shorten(String commit) {
        return commit.length() > 12 ? commit.substring(0, 12) : commit;
    }
}
