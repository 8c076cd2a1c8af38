package dev.quarry.compiler.read;

import dev.quarry.compiler.spec.ContainerSpec;
import dev.quarry.compiler.spec.Cpu;
import dev.quarry.compiler.spec.HealthSpec;
import dev.quarry.compiler.spec.LivenessSpec;
import dev.quarry.compiler.spec.RestartSpec;
import dev.quarry.compiler.spec.Size;
import dev.quarry.compiler.yaml.Problems;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads the keys services and nodes share: image, run, port, env, memory, cpu, health, restart, depends, tags,
 * liveness.
 */
final class ContainerReader {
    static final Set<String> KEYS =
            Set.of("image", "run", "port", "env", "memory", "cpu", "health", "restart", "depends", "tags", "liveness");

    private ContainerReader() {}

    /**
     * The container part of a service or node; null values where the file had problems (the caller
     * discards the result then).
     */
    static ContainerSpec read(Mapping mapping, String name, boolean service, Size defaultMemory, Cpu defaultCpu,
            StackContext context) {
        Problems problems = context.problems;
        String image = mapping.value("image").flatMap(node -> Images.image(node, mapping.path("image"), problems))
                .orElse(null);
        String run = mapping.value("run").flatMap(node -> Values.line(node, mapping.path("run"), problems, "a command"))
                .orElse(null);
        Integer port = mapping.value("port")
                .flatMap(node -> Values.wholeNumber(node, mapping.path("port"), problems, 1, 65535)).orElse(null);
        Map<String, String> env = mapping.value("env").map(node -> EnvReader.read(node, mapping.path("env"), problems))
                .orElse(Map.of());
        Size memory = mapping.value("memory").flatMap(node -> Values.size(node, mapping.path("memory"), problems))
                .orElse(defaultMemory);
        Cpu cpu = mapping.value("cpu").flatMap(node -> Values.cpu(node, mapping.path("cpu"), problems))
                .orElse(defaultCpu);
        HealthSpec health = mapping.value("health")
                .flatMap(node -> HealthReader.read(node, mapping.path("health"), problems)).orElse(null);
        RestartSpec restart = mapping.value("restart")
                .flatMap(node -> RestartReader.read(node, mapping.path("restart"), problems))
                .orElse(RestartSpec.DEFAULT);
        List<String> depends = mapping.value("depends")
                .map(node -> depends(node, mapping.path("depends"), name, service, context)).orElse(List.of());
        List<String> tags = mapping.value("tags").map(node -> tags(node, mapping.path("tags"), problems))
                .orElse(List.of());
        LivenessSpec liveness = mapping.value("liveness")
                .flatMap(node -> LivenessReader.read(node, mapping.path("liveness"), problems)).orElse(null);
        if (health != null && health.checksHttp() && !mapping.has("port")) {
            problems.at(mapping.keyNode("health"), mapping.path("health"),
                    "an HTTP health check needs a port: add port: to " + mapping.path()
                            + ", or give a container that listens on no port just health: {grace: 2s}");
        }
        return new ContainerSpec(image, run, port, env, memory, cpu, health, restart, depends, tags, liveness);
    }

    private static List<String> depends(Node node, String path, String self, boolean service, StackContext context) {
        Set<String> names = new LinkedHashSet<>();
        Problems problems = context.problems;
        List<Node> items = Values.list(node, path, problems, "service and node names", true).orElse(List.of());
        for (int i = 0; i < items.size(); i++) {
            String itemPath = path + "[" + i + "]";
            Node item = items.get(i);
            Names.name(item, itemPath, problems).ifPresent(target -> {
                String problem = dependsProblem(target, self, service, context, names);
                if (problem != null) {
                    problems.at(item, itemPath, problem);
                } else {
                    names.add(target);
                }
            });
        }
        context.dependsOf.put(self, List.copyOf(names));
        context.dependsNode.put(self, node);
        context.dependsPath.put(self, path);
        return List.copyOf(names);
    }

    private static String dependsProblem(String target, String self, boolean service, StackContext context,
            Set<String> seen) {
        if (target.equals(self)) {
            return "\"" + self + "\" cannot depend on itself";
        }
        if (seen.contains(target)) {
            return "\"" + target + "\" is listed twice";
        }
        if (service && context.nodeNames.contains(target)) {
            return "\"" + target + "\" is a node; a service can depend only on services";
        }
        if (!context.serviceNames.contains(target) && !context.nodeNames.contains(target)) {
            Set<String> all = new LinkedHashSet<>(context.serviceNames);
            if (!service) {
                all.addAll(context.nodeNames);
            }
            all.remove(self);
            String hint = Suggest.closest(target, all).map(best -> "; did you mean \"" + best + "\"?")
                    .orElse(all.isEmpty() ? "; there is nothing to depend on" : " (valid: "
                            + String.join(", ", all.stream().sorted().toList()) + ")");
            return "\"" + target + "\" is not a " + (service ? "service" : "service or node") + " of this stack" + hint;
        }
        return null;
    }

    private static List<String> tags(Node node, String path, Problems problems) {
        List<String> tags = new ArrayList<>();
        List<Node> items = Values.list(node, path, problems, "tags", true).orElse(List.of());
        for (int i = 0; i < items.size(); i++) {
            Names.name(items.get(i), path + "[" + i + "]", problems).filter(tag -> !tags.contains(tag))
                    .ifPresent(tags::add);
        }
        return tags;
    }
}
