package dev.quarry.hq.release;

import dev.quarry.compiler.spec.ContainerSpec;
import dev.quarry.compiler.spec.NodeSpec;
import dev.quarry.compiler.spec.StackSpec;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where a container's variable comes from, highest first: {@code config set}, the node's env, the stack's env
 * in quarry.yml, then what services publish. This puts the {@code config set} values into every node's own env.
 */
final class ConfigPrecedence {
    private ConfigPrecedence() {}

    /** The spec with {@code config} merged over every node's own env. */
    static StackSpec overNodes(StackSpec spec, Map<String, String> config) {
        if (config.isEmpty()) {
            return spec;
        }
        Map<String, NodeSpec> nodes = new LinkedHashMap<>();
        spec.nodes().forEach((name, node) -> nodes.put(name, withEnv(node, config)));
        return new StackSpec(spec.name(), spec.env(), spec.keepReleases(), spec.services(), nodes);
    }

    private static NodeSpec withEnv(NodeSpec node, Map<String, String> config) {
        ContainerSpec container = node.container();
        Map<String, String> env = new LinkedHashMap<>(container.env());
        env.putAll(config);
        ContainerSpec merged = new ContainerSpec(container.image(), container.run(), container.port(), env,
                container.memory(), container.cpu(), container.health(), container.restart(), container.depends(),
                container.tags(), container.liveness());
        return new NodeSpec(node.name(), merged, node.dockerfile(), node.build(), node.domains(), node.scale(),
                node.releaseHook());
    }
}
