package dev.quarry.compiler.read;

import dev.quarry.compiler.spec.HealthSpec;
import dev.quarry.compiler.yaml.Problems;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Reads {@code health: {path, interval, timeout, deadline, grace}}, or the short form {@code health: /up}. Without
 * {@code path} the container is ready once it has run {@code grace} without exiting (a worker without a port).
 */
final class HealthReader {
    static final Set<String> KEYS = Set.of("path", "interval", "timeout", "deadline", "grace");

    private HealthReader() {}

    static Optional<HealthSpec> read(Node node, String path, Problems problems) {
        if (node instanceof ScalarNode) {
            return httpPath(node, path, problems).map(httpPath -> new HealthSpec(httpPath,
                    HealthSpec.DEFAULT_INTERVAL, HealthSpec.DEFAULT_TIMEOUT, HealthSpec.DEFAULT_DEADLINE));
        }
        return Mapping.read(node, path, problems, KEYS).flatMap(mapping -> {
            Optional<String> httpPath = mapping.value("path").flatMap(it -> httpPath(it, mapping.path("path"), problems));
            Duration interval = duration(mapping, "interval", HealthSpec.DEFAULT_INTERVAL, problems);
            Duration timeout = duration(mapping, "timeout", HealthSpec.DEFAULT_TIMEOUT, problems);
            Duration deadline = duration(mapping, "deadline", HealthSpec.DEFAULT_DEADLINE, problems);
            Duration grace = mapping.value("grace")
                    .flatMap(it -> Values.duration(it, mapping.path("grace"), problems)).orElse(null);
            if (mapping.has("path") && httpPath.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new HealthSpec(httpPath.orElse(null), interval, timeout, deadline, grace));
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
