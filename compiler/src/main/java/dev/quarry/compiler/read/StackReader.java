package dev.quarry.compiler.read;

import dev.quarry.compiler.spec.NodeSpec;
import dev.quarry.compiler.spec.ServiceSpec;
import dev.quarry.compiler.spec.StackSpec;
import dev.quarry.compiler.yaml.Problems;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.nodes.Node;

/** Reads the whole document: version, name, env, releases, services and nodes, then checks depends cycles. */
public final class StackReader {
    static final Set<String> KEYS = Set.of("version", "name", "env", "releases", "services", "nodes");
    static final Set<String> RELEASES_KEYS = Set.of("keep");

    private StackReader() {}

    /**
     * The stack, or empty when {@code problems} received any.
     *
     * @param nameMustMatch whether a {@code name:} other than {@code defaultName} is a problem (a push to
     *     an app must not deploy another one)
     */
    public static Optional<StackSpec> read(Node root, String defaultName, boolean nameMustMatch, Problems problems) {
        if (root == null) {
            problems.atStart("", "the file is empty: a quarry.yml needs at least one node or service");
            return Optional.empty();
        }
        Optional<Mapping> read = Mapping.read(root, "", problems, KEYS);
        if (read.isEmpty()) {
            return Optional.empty();
        }
        Mapping top = read.get();
        top.value("version").filter(node -> !Values.describe(node).equals("\"1\""))
                .ifPresent(node -> problems.at(node, "version", "must be 1, the only version of quarry.yml so far, got "
                        + Values.describe(node)));
        String name = top.value("name").flatMap(node -> Names.name(node, "name", problems)).orElse(defaultName);
        if (nameMustMatch && top.has("name") && Names.isName(name) && !name.equals(defaultName)) {
            problems.at(top.value("name").orElseThrow(), "name", "is \"" + name + "\" but this push goes to "
                    + defaultName + "; remove name: or push to the stack it names");
        }
        if (!top.has("name") && !Names.isName(defaultName)) {
            problems.atStart("name", "the default name " + Values.quote(String.valueOf(defaultName))
                    + " is not " + Names.NAME_RULE + "; set name: in quarry.yml");
        }
        Map<String, String> env = top.value("env").map(node -> EnvReader.read(node, "env", problems)).orElse(Map.of());
        int keep = top.value("releases").flatMap(node -> keep(node, problems)).orElse(StackSpec.DEFAULT_KEEP_RELEASES);
        Map<String, Mapping.Entry> services = entries(top, "services", problems);
        Map<String, Mapping.Entry> nodes = entries(top, "nodes", problems);
        reportSharedNames(services, nodes, problems);
        StackContext context = new StackContext(problems, services.keySet(), nodes.keySet());
        Map<String, ServiceSpec> serviceSpecs = new LinkedHashMap<>();
        services.forEach((serviceName, entry) -> ServiceReader.read(serviceName, entry.keyNode(), entry.value(),
                "services." + serviceName, context).ifPresent(spec -> serviceSpecs.put(serviceName, spec)));
        Map<String, NodeSpec> nodeSpecs = new LinkedHashMap<>();
        nodes.forEach((nodeName, entry) -> NodeReader.read(nodeName, entry.keyNode(), entry.value(),
                "nodes." + nodeName, context).ifPresent(spec -> nodeSpecs.put(nodeName, spec)));
        reportCycles(context);
        if (services.isEmpty() && nodes.isEmpty()) {
            problems.at(root, "", "a quarry.yml needs at least one node or service (under nodes: or services:)");
        }
        if (!problems.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new StackSpec(name, env, keep, serviceSpecs, nodeSpecs));
    }

    private static Optional<Integer> keep(Node node, Problems problems) {
        return Mapping.read(node, "releases", problems, RELEASES_KEYS)
                .flatMap(releases -> releases.value("keep"))
                .flatMap(keep -> Values.wholeNumber(keep, "releases.keep", problems, 1, 100));
    }

    /** The named entries of services: or nodes:, with invalid names reported and left out. */
    private static Map<String, Mapping.Entry> entries(Mapping top, String key, Problems problems) {
        Map<String, Mapping.Entry> named = new LinkedHashMap<>();
        top.value(key).flatMap(node -> Mapping.read(node, key, problems)).ifPresent(mapping -> {
            for (Mapping.Entry entry : mapping.entries()) {
                if (Names.isName(entry.key())) {
                    named.put(entry.key(), entry);
                } else {
                    problems.at(entry.keyNode(), mapping.path(entry.key()), "must be " + Names.NAME_RULE + ", got "
                            + Values.quote(entry.key()));
                }
            }
        });
        return named;
    }

    private static void reportSharedNames(Map<String, Mapping.Entry> services, Map<String, Mapping.Entry> nodes,
            Problems problems) {
        Set<String> shared = new LinkedHashSet<>(nodes.keySet());
        shared.retainAll(services.keySet());
        for (String name : shared) {
            problems.at(nodes.get(name).keyNode(), "nodes." + name,
                    "\"" + name + "\" is also a service; services and nodes share one set of names");
        }
    }

    private static void reportCycles(StackContext context) {
        for (List<String> cycle : Cycles.find(context.dependsOf)) {
            String first = cycle.get(0);
            context.problems.at(context.dependsNode.get(first), context.dependsPath.get(first),
                    "depends cycle: " + String.join(" -> ", cycle));
        }
    }
}
