package dev.quarry.hq.layout;

import static java.util.Objects.requireNonNull;

import dev.quarry.compiler.plan.SpecHash;
import dev.quarry.compiler.spec.StackSpec;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * What runs for a stack once a release's plan is done. A node's containers carry the release that
 * deployed them ({@code shop.web.3.1} keeps serving through later SCALE-only releases), and a service's
 * the release that ensured it. The containers that should run are exactly
 * {@code stack.node.release.1..scale} and {@code stack.service.release.1}.
 *
 * @param nodes each node's container release and scale
 * @param services each service's container release and spec hash
 */
public record Layout(Map<String, NodeLayout> nodes, Map<String, ServiceLayout> services) {
    public static final Layout EMPTY = new Layout(Map.of(), Map.of());

    public Layout {
        nodes = Collections.unmodifiableMap(new TreeMap<>(nodes));
        services = Collections.unmodifiableMap(new TreeMap<>(services));
    }

    /** A node's containers: {@code release} and how many. */
    public record NodeLayout(int release, int scale) {
        public NodeLayout {
            if (release < 1 || scale < 0) {
                throw new IllegalArgumentException("a node layout needs a release from 1 and a scale from 0, got "
                        + release + " and " + scale);
            }
        }
    }

    /** A service's one container: {@code release}, running the spec of {@code hash}. */
    public record ServiceLayout(int release, String hash) {
        public ServiceLayout {
            requireNonNull(hash, "hash is null");
            if (release < 1) {
                throw new IllegalArgumentException("a service layout needs a release from 1, got " + release);
            }
        }
    }

    /** Every node and service of {@code spec} as release {@code release} would start them (no layout was kept). */
    public static Layout assumed(StackSpec spec, int release) {
        Layout layout = EMPTY;
        for (var node : spec.nodes().values()) {
            layout = layout.withNode(node.name(), release, node.scale());
        }
        for (var service : spec.services().values()) {
            layout = layout.withService(service.name(), release, SpecHash.of(service));
        }
        return layout;
    }

    public Layout withNode(String name, int release, int scale) {
        Map<String, NodeLayout> changed = new TreeMap<>(nodes);
        changed.put(name, new NodeLayout(release, scale));
        return new Layout(changed, services);
    }

    public Layout withoutNode(String name) {
        Map<String, NodeLayout> changed = new TreeMap<>(nodes);
        changed.remove(name);
        return new Layout(changed, services);
    }

    public Layout withService(String name, int release, String hash) {
        Map<String, ServiceLayout> changed = new TreeMap<>(services);
        changed.put(name, new ServiceLayout(release, hash));
        return new Layout(nodes, changed);
    }

    public Layout withoutService(String name) {
        Map<String, ServiceLayout> changed = new TreeMap<>(services);
        changed.remove(name);
        return new Layout(nodes, changed);
    }
}
