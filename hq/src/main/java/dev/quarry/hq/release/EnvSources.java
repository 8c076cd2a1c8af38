package dev.quarry.hq.release;

import dev.quarry.compiler.spec.NodeSpec;
import dev.quarry.compiler.spec.StackSpec;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * What each node's containers get for each variable, and where the value comes from, in the precedence
 * {@link ConfigPrecedence} applies (highest first): {@code config set}, the node's env, the stack's env in
 * quarry.yml, what services publish. Pure: {@code config APP} shows it, so what it shows is what runs. HOST and
 * PORT are the server's, added where the container starts, and not listed.
 */
public final class EnvSources {
    /** Where a value comes from. */
    public static final String CONFIG = "config";
    public static final String STACK_ENV = "quarry.yml env";

    private EnvSources() {}

    /**
     * A value and where it came from: {@code config}, {@code quarry.yml env}, {@code quarry.yml NODE env} or
     * {@code service NAME}.
     */
    public record Sourced(String value, String from) { }

    /**
     * Each node's variables, by node then name (sorted).
     *
     * @param file the stack as its quarry.yml says, before {@code config set} values are merged in
     * @param config the values set with {@code config set}
     * @param published what each service publishes now (or last published), by service name
     */
    public static Map<String, Map<String, Sourced>> byNode(StackSpec file, Map<String, String> config,
            Map<String, Map<String, String>> published) {
        Map<String, Map<String, Sourced>> nodes = new LinkedHashMap<>();
        for (NodeSpec node : file.nodes().values()) {
            Map<String, Sourced> env = new TreeMap<>();
            file.services().keySet().forEach(service -> published.getOrDefault(service, Map.of())
                    .forEach((key, value) -> env.put(key, new Sourced(value, "service " + service))));
            file.env().forEach((key, value) -> env.put(key, new Sourced(value, STACK_ENV)));
            node.container().env().forEach((key, value) -> env.put(key, new Sourced(value,
                    "quarry.yml " + node.name() + " env")));
            config.forEach((key, value) -> env.put(key, new Sourced(value, CONFIG)));
            nodes.put(node.name(), env);
        }
        return nodes;
    }
}
