package dev.quarry.compiler.spec;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A whole quarry.yml: one stack with its services and nodes, in file order.
 *
 * @param name the stack's name
 * @param env stack-wide environment, injected into every container
 * @param keepReleases how many releases are kept for rollback
 * @param services long-running dependencies, by name
 * @param nodes the app's processes, by name
 */
public record StackSpec(
        String name,
        Map<String, String> env,
        int keepReleases,
        Map<String, ServiceSpec> services,
        Map<String, NodeSpec> nodes) {

    public static final int DEFAULT_KEEP_RELEASES = 5;

    public StackSpec {
        requireNonNull(name, "name is null");
        env = ordered(env, "env");
        services = ordered(services, "services");
        nodes = ordered(nodes, "nodes");
        if (keepReleases < 1) {
            throw new IllegalArgumentException("keepReleases must be at least 1, got " + keepReleases);
        }
    }

    /** The node of this name, if there is one. */
    public Optional<NodeSpec> node(String nodeName) {
        return Optional.ofNullable(nodes.get(nodeName));
    }

    /** The service of this name, if there is one. */
    public Optional<ServiceSpec> service(String serviceName) {
        return Optional.ofNullable(services.get(serviceName));
    }

    /** This stack with one node's scale changed. */
    public StackSpec withScale(String nodeName, int scale) {
        NodeSpec node = node(nodeName).orElseThrow(() -> new IllegalArgumentException("no node " + nodeName));
        Map<String, NodeSpec> changed = new LinkedHashMap<>(nodes);
        changed.put(nodeName, node.withScale(scale));
        return new StackSpec(name, env, keepReleases, services, changed);
    }

    /** This stack with another environment. */
    public StackSpec withEnv(Map<String, String> newEnv) {
        return new StackSpec(name, newEnv, keepReleases, services, nodes);
    }

    static <V> Map<String, V> ordered(Map<String, V> map, String what) {
        requireNonNull(map, what + " is null");
        return Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }
}
