package dev.quarry.hq.commands;

import dev.quarry.hq.access.AppAction;
import dev.quarry.hq.access.Request;
import dev.quarry.hq.release.Release;
import dev.quarry.hq.release.StackRecord;
import dev.quarry.hq.release.StackState;
import dev.quarry.hq.state.JsonValues;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** {@code releases APP [--json]}: the kept releases, newest first. */
final class ReleasesVerb implements Verb {
    static final String USAGE = "releases APP [--json]";

    private final StackState state;

    ReleasesVerb(StackState state) {
        this.state = state;
    }

    /** One release as {@code --json} shows it. */
    record ReleaseRow(int release, String status, String commit, String branch, String created, String by,
            String reason) { }

    @Override
    public Request request(List<String> words) {
        return new Request.OnApp(Arguments.parse(words, Set.of("--json"), USAGE).atMost(1).app(0),
                AppAction.SEE_RELEASES);
    }

    @Override
    public int run(VerbContext context) {
        Arguments arguments = Arguments.parse(context.arguments(), Set.of("--json"), USAGE).atMost(1);
        String app = arguments.app(0);
        StackRecord stack = StackLookup.require(state, app).value();
        List<ReleaseRow> rows = state.releases(app).reversed().stream().map(release -> row(stack, release)).toList();
        if (arguments.has("--json")) {
            context.out().println(new String(JsonValues.write(rows), StandardCharsets.UTF_8));
        } else if (rows.isEmpty()) {
            context.out().println(app + " has no releases yet; push it: git push quarry@HQ:" + app + " main");
        } else {
            List<List<String>> lines = rows.stream().map(row -> List.of(Integer.toString(row.release()), row.status(),
                    AppsVerb.shorten(row.commit()), row.branch(), row.created(), row.by(), row.reason())).toList();
            context.out().print(TextTable.render(
                    List.of("RELEASE", "STATUS", "COMMIT", "BRANCH", "CREATED", "BY", "WHAT"), lines));
        }
        return 0;
    }

    private static ReleaseRow row(StackRecord stack, Release release) {
        String status = release.number() == stack.current() ? "live" : release.status().name().toLowerCase(Locale.ROOT);
        return new ReleaseRow(release.number(), status, release.commit(), release.branch(),
                Times.show(release.created()), release.by(), release.reason());
    }
}
