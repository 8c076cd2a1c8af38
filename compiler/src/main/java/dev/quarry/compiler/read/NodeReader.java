package dev.quarry.compiler.read;

import dev.quarry.compiler.spec.ContainerSpec;
import dev.quarry.compiler.spec.Cpu;
import dev.quarry.compiler.spec.NodeSpec;
import dev.quarry.compiler.spec.Size;
import dev.quarry.compiler.yaml.Problems;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.nodes.Node;

/** Reads one entry of {@code nodes:}. */
final class NodeReader {
    static final Size DEFAULT_MEMORY = Size.mebibytes(256);
    static final Cpu DEFAULT_CPU = new Cpu(250);
    static final Set<String> KEYS = union(ContainerReader.KEYS, Set.of("dockerfile", "build", "domains", "scale", "hooks"));
    static final Set<String> HOOK_KEYS = Set.of("release");

    private NodeReader() {}

    static Optional<NodeSpec> read(String name, Node nameNode, Node value, String path, StackContext context) {
        Problems problems = context.problems;
        int before = problems.list().size();
        Optional<Mapping> read = Mapping.read(value, path, problems, KEYS);
        if (read.isEmpty()) {
            return Optional.empty();
        }
        Mapping mapping = read.get();
        ContainerSpec container = ContainerReader.read(mapping, name, false, DEFAULT_MEMORY, DEFAULT_CPU, context);
        String dockerfile = mapping.value("dockerfile")
                .flatMap(node -> RelativePaths.read(node, mapping.path("dockerfile"), problems)).orElse(null);
        List<String> build = mapping.value("build").map(node -> commands(node, mapping.path("build"), problems))
                .orElse(List.of());
        List<String> domains = mapping.value("domains")
                .map(node -> domains(node, mapping.path("domains"), name, context)).orElse(List.of());
        int scale = mapping.value("scale")
                .flatMap(node -> Values.wholeNumber(node, mapping.path("scale"), problems, 0, NodeSpec.MAX_SCALE))
                .orElse(1);
        String releaseHook = mapping.value("hooks").flatMap(node -> releaseHook(node, mapping.path("hooks"), problems))
                .orElse(null);
        checkRuntime(mapping, nameNode, container, dockerfile, build, problems);
        if (mapping.has("domains") && !mapping.has("port")) {
            problems.at(mapping.keyNode("domains"), mapping.path("domains"),
                    "a node with domains needs a port: add port: to " + path);
        }
        if (problems.list().size() > before) {
            return Optional.empty();
        }
        return Optional.of(new NodeSpec(name, container, dockerfile, build, domains, scale, releaseHook));
    }

    private static void checkRuntime(Mapping mapping, Node nameNode, ContainerSpec container, String dockerfile,
            List<String> build, Problems problems) {
        if (container.image() != null && mapping.has("dockerfile")) {
            problems.at(mapping.keyNode("dockerfile"), mapping.path("dockerfile"),
                    "a node has either image (a prebuilt image) or dockerfile (built from the pushed source), not both");
        }
        boolean docker = mapping.has("image") || mapping.has("dockerfile");
        if (docker && mapping.has("build")) {
            problems.at(mapping.keyNode("build"), mapping.path("build"),
                    "build commands run only in the process runtime; a docker node builds with its Dockerfile");
        }
        if (!docker && !mapping.has("run")) {
            problems.at(nameNode, mapping.path(), "needs run (a command for the process runtime), image or dockerfile");
        }
    }

    private static List<String> commands(Node node, String path, Problems problems) {
        List<String> commands = new ArrayList<>();
        List<Node> items = Values.list(node, path, problems, "commands", true).orElse(List.of());
        for (int i = 0; i < items.size(); i++) {
            Values.line(items.get(i), path + "[" + i + "]", problems, "a command").ifPresent(commands::add);
        }
        return commands;
    }

    private static List<String> domains(Node node, String path, String owner, StackContext context) {
        Problems problems = context.problems;
        List<String> domains = new ArrayList<>();
        List<Node> items = Values.list(node, path, problems, "domains", true).orElse(List.of());
        for (int i = 0; i < items.size(); i++) {
            Node item = items.get(i);
            String itemPath = path + "[" + i + "]";
            Optional<String> text = Values.text(item, itemPath, problems, "a domain name such as shop.example.com");
            if (text.isEmpty()) {
                continue;
            }
            String domain = text.get();
            String taken = context.domainOwners.putIfAbsent(domain, owner);
            if (!Names.isDomain(domain)) {
                context.domainOwners.remove(domain, owner);
                problems.at(item, itemPath, "must be a lowercase domain name such as shop.example.com or *.example.com, got "
                        + Values.describe(item));
            } else if (taken != null) {
                problems.at(item, itemPath, taken.equals(owner) ? "\"" + domain + "\" is listed twice"
                        : "\"" + domain + "\" is already routed to node " + taken);
            } else {
                domains.add(domain);
            }
        }
        return domains;
    }

    private static Optional<String> releaseHook(Node node, String path, Problems problems) {
        return Mapping.read(node, path, problems, HOOK_KEYS)
                .flatMap(hooks -> hooks.value("release")
                        .flatMap(it -> Values.line(it, hooks.path("release"), problems, "a command")));
    }

    static Set<String> union(Set<String> one, Set<String> other) {
        Set<String> all = new HashSet<>(one);
        all.addAll(other);
        return Set.copyOf(all);
    }
}
