package dev.quarry.compiler.read;

import dev.quarry.compiler.spec.ContainerSpec;
import dev.quarry.compiler.spec.Cpu;
import dev.quarry.compiler.spec.ServiceSpec;
import dev.quarry.compiler.spec.Size;
import dev.quarry.compiler.spec.VolumeSpec;
import dev.quarry.compiler.yaml.Problems;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.Node;

/** Reads one entry of {@code services:}. */
final class ServiceReader {
    static final Size DEFAULT_MEMORY = Size.mebibytes(512);
    static final Cpu DEFAULT_CPU = new Cpu(500);
    static final Set<String> KEYS = NodeReader.union(ContainerReader.KEYS, Set.of("volumes", "publish"));
    private static final Pattern VOLUME = Pattern.compile("([a-z0-9][a-z0-9_.-]{0,62}):(/[^:\\s]*)(:ro)?");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}]*)}");

    private ServiceReader() {}

    static Optional<ServiceSpec> read(String name, Node nameNode, Node value, String path, StackContext context) {
        Problems problems = context.problems;
        int before = problems.list().size();
        Optional<Mapping> read = Mapping.read(value, path, problems, KEYS);
        if (read.isEmpty()) {
            return Optional.empty();
        }
        Mapping mapping = read.get();
        ContainerSpec container = ContainerReader.read(mapping, name, true, DEFAULT_MEMORY, DEFAULT_CPU, context);
        List<VolumeSpec> volumes = mapping.value("volumes").map(node -> volumes(node, mapping.path("volumes"), problems))
                .orElse(List.of());
        Map<String, String> publish = mapping.value("publish")
                .map(node -> publish(node, mapping.path("publish"), name, container.port() != null, context))
                .orElse(Map.of());
        if (!mapping.has("image") && !mapping.has("run")) {
            problems.at(nameNode, path, "needs image (docker runtime) or run (a command for the process runtime)");
        }
        if (!mapping.has("image") && mapping.has("volumes")) {
            problems.at(mapping.keyNode("volumes"), mapping.path("volumes"),
                    "volumes need the docker runtime: add image: to " + path);
        }
        if (problems.list().size() > before) {
            return Optional.empty();
        }
        return Optional.of(new ServiceSpec(name, container, volumes, publish));
    }

    private static List<VolumeSpec> volumes(Node node, String path, Problems problems) {
        List<VolumeSpec> volumes = new ArrayList<>();
        List<Node> items = Values.list(node, path, problems, "volumes", true).orElse(List.of());
        for (int i = 0; i < items.size(); i++) {
            String itemPath = path + "[" + i + "]";
            String valid = "a named volume such as pgdata:/var/lib/postgresql/data (add :ro for read-only)";
            Optional<String> text = Values.text(items.get(i), itemPath, problems, valid);
            if (text.isEmpty()) {
                continue;
            }
            Matcher matcher = VOLUME.matcher(text.get());
            if (matcher.matches() && !matcher.group(2).contains("/..") && !matcher.group(2).contains("/./")) {
                volumes.add(new VolumeSpec(matcher.group(1), matcher.group(2), matcher.group(3) != null));
            } else {
                problems.at(items.get(i), itemPath, "must be " + valid + ", got " + Values.describe(items.get(i)));
            }
        }
        return volumes;
    }

    private static Map<String, String> publish(Node node, String path, String service, boolean hasPort,
            StackContext context) {
        Problems problems = context.problems;
        Map<String, String> publish = new LinkedHashMap<>();
        for (EnvReader.Variable variable : EnvReader.variables(node, path, problems)) {
            String keyPath = path + "." + variable.key();
            String problem = placeholderProblem(variable.value(), hasPort);
            String other = context.publishedBy.putIfAbsent(variable.key(), service);
            if (problem != null) {
                problems.at(variable.valueNode(), keyPath, problem);
            } else if (other != null) {
                problems.at(variable.valueNode(), keyPath, variable.key() + " is already published by service " + other);
            } else {
                publish.put(variable.key(), variable.value());
            }
        }
        return publish;
    }

    private static String placeholderProblem(String value, boolean hasPort) {
        Matcher matcher = PLACEHOLDER.matcher(value);
        boolean usesPort = false;
        while (matcher.find()) {
            String placeholder = matcher.group(1);
            if (!placeholder.equals("host") && !placeholder.equals("port")) {
                return "unknown placeholder ${" + placeholder + "}; valid: ${host}, ${port}";
            }
            usesPort |= placeholder.equals("port");
        }
        return usesPort && !hasPort ? "${port} needs the service to have a port" : null;
    }
}
