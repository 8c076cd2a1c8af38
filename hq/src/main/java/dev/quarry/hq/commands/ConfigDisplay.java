package dev.quarry.hq.commands;

import dev.quarry.compiler.ParseResult;
import dev.quarry.hq.access.HintSyntax;
import dev.quarry.hq.release.StackConfig;
import dev.quarry.hq.release.StackRecord;
import dev.quarry.hq.release.StackSpecs;
import dev.quarry.hq.release.StackState;
import dev.quarry.hq.state.JsonValues;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** {@code config APP}: the env the live release runs with, and where each value comes from. */
final class ConfigDisplay {
    private ConfigDisplay() {}

    /** The env as {@code --json} shows it: the merged env, and the part set over SSH. */
    record ConfigView(String app, Map<String, String> env, Map<String, String> config) { }

    static int show(StackState state, StackConfig config, String app, boolean json, PrintWriter out,
            HintSyntax syntax) {
        StackRecord stack = StackLookup.require(state, app).value();
        Map<String, String> fromFile = stack.hasCurrent() ? fileEnv(state, app, stack.current()) : Map.of();
        Map<String, String> set = config.env(app);
        Map<String, String> merged = new TreeMap<>(fromFile);
        merged.putAll(set);
        if (json) {
            out.println(new String(JsonValues.write(new ConfigView(app, merged, set)), StandardCharsets.UTF_8));
        } else if (merged.isEmpty()) {
            out.println(app + " has no env; set some: " + syntax.onApp("config", app, "set KEY=VALUE"));
        } else {
            List<List<String>> rows = new ArrayList<>();
            merged.forEach((key, value) -> rows.add(List.of(key, value,
                    set.containsKey(key) ? "config" : "quarry.yml")));
            out.print(TextTable.render(List.of("KEY", "VALUE", "FROM"), rows));
        }
        return 0;
    }

    private static Map<String, String> fileEnv(StackState state, String app, int release) {
        ParseResult result = StackSpecs.parse(state.quarryFile(app, release), app);
        return result instanceof ParseResult.Parsed parsed ? parsed.spec().env() : Map.of();
    }
}
