package dev.quarry.compiler.read;

import dev.quarry.compiler.spec.HealthSpec;
import dev.quarry.compiler.yaml.Problems;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

/** Reads {@code health: {path, interval, timeout, deadline}}, or the short form {@code health: /up}. */
final class HealthReader {
    static final Set<String> KEYS = Set.of("path", "interval", "timeout", "deadline");

    private HealthReader() {}

    static Optional<HealthSpec> read(Node node, String path, Problems problems) {
        if (node instanceof ScalarNode) {
            return httpPath(node, path, problems).map(httpPath -> new HealthSpec(httpPath,
                    HealthSpec.DEFAULT_INTERVAL, HealthSpec.DEFAULT_TIMEOUT, HealthSpec.DEFAULT_DEADLINE));
        }
        return Mapping.read(node, path, problems, KEYS).flatMap(mapping -> {
            Optional<String> httpPath = mapping.value("path").flatMap(it -> httpPath(it, mapping.path("path"), problems));
            if (!mapping.has("path")) {
                problems.at(mapping.node(), path + ".path", "is required: the HTTP path to check, such as /up");
            }
            Duration interval = duration(mapping, "interval", HealthSpec.DEFAULT_INTERVAL, problems);
            Duration timeout = duration(mapping, "timeout", HealthSpec.DEFAULT_TIMEOUT, problems);
            Duration deadline = duration(mapping, "deadline", HealthSpec.DEFAULT_DEADLINE, problems);
            return httpPath.map(it -> new HealthSpec(it, interval, timeout, deadline));
        });
    }

    private static Duration duration(Mapping mapping, String key, Duration fallback, Problems problems) {
        return mapping.value(key).flatMap(node -> Values.duration(node, mapping.path(key), problems)).orElse(fallback);
    }

    static Optional<String> httpPath(Node node, String path, Problems problems) {
        String valid = "an HTTP path starting with / such as /up";
        Optional<String> text = Values.text(node, path, problems, valid);
        if (text.isPresent() && (!text.get().startsWith("/") || text.get().length() > 1024
                || text.get().chars().anyMatch(c -> c <= 0x20 || c == 0x7f))) {
            problems.at(node, path, "must be " + valid + ", got " + Values.describe(node));
            return Optional.empty();
        }
        return text;
    }
}
