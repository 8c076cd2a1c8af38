package dev.quarry.hq.commands;

import dev.quarry.compiler.ParseResult;
import dev.quarry.compiler.spec.StackSpec;
import dev.quarry.hq.access.HintSyntax;
import dev.quarry.hq.launch.PublishedEnv;
import dev.quarry.hq.release.EnvSources;
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
import java.util.Optional;
import java.util.TreeMap;

/**
 * {@code config APP}: the env each node of the live release runs with, and where each value comes from
 * ({@link EnvSources}: config set, the node's env, the stack's env, a service's published values).
 */
final class ConfigDisplay {
    private ConfigDisplay() {}

    /**
     * The env as {@code --json} shows it: the stack's env with config merged in, the part set over SSH, and what
     * each node's containers get with where each value comes from.
     */
    record ConfigView(String app, Map<String, String> env, Map<String, String> config,
            Map<String, Map<String, EnvSources.Sourced>> nodes) { }

    static int show(StackState state, StackConfig config, String app, boolean json, PrintWriter out,
            HintSyntax syntax) {
        StackRecord stack = StackLookup.require(state, app).value();
        Optional<StackSpec> file = stack.hasCurrent() ? fileSpec(state, app, stack.current()) : Optional.empty();
        Map<String, String> set = config.env(app);
        Map<String, String> merged = new TreeMap<>(file.map(StackSpec::env).orElse(Map.of()));
        merged.putAll(set);
        Map<String, Map<String, EnvSources.Sourced>> nodes = file.map(spec -> EnvSources.byNode(spec, set,
                published(state, app, spec))).orElse(Map.of());
        if (json) {
            out.println(new String(JsonValues.write(new ConfigView(app, merged, set, nodes)), StandardCharsets.UTF_8));
            return 0;
        }
        List<List<String>> rows = new ArrayList<>();
        nodes.forEach((node, env) -> env.forEach((key, sourced) -> rows.add(List.of(node, key, sourced.value(),
                sourced.from()))));
        if (nodes.isEmpty()) {
            merged.forEach((key, value) -> rows.add(List.of("-", key, value,
                    set.containsKey(key) ? EnvSources.CONFIG : EnvSources.STACK_ENV)));
        }
        if (rows.isEmpty()) {
            out.println(app + " has no env; set some: " + syntax.onApp("config", app, "set KEY=VALUE"));
        } else {
            out.print(TextTable.render(List.of("NODE", "KEY", "VALUE", "FROM"), rows));
        }
        return 0;
    }

    private static Optional<StackSpec> fileSpec(StackState state, String app, int release) {
        ParseResult result = StackSpecs.parse(state.quarryFile(app, release), app);
        return result instanceof ParseResult.Parsed parsed ? Optional.of(parsed.spec()) : Optional.empty();
    }

    /** What each service of the stack last published (kept in the state store as its containers started). */
    private static Map<String, Map<String, String>> published(StackState state, String app, StackSpec spec) {
        PublishedEnv kept = new PublishedEnv(state.store());
        Map<String, Map<String, String>> published = new TreeMap<>();
        spec.services().keySet().forEach(service -> published.put(service, kept.last(app, service)));
        return published;
    }
}
