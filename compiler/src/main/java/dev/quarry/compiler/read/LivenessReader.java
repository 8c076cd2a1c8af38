package dev.quarry.compiler.read;

import dev.quarry.compiler.spec.LivenessSpec;
import dev.quarry.compiler.yaml.Problems;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.nodes.Node;

/** Reads {@code liveness: {path, interval, timeout, failures}}; every key is optional. */
final class LivenessReader {
    static final Set<String> KEYS = Set.of("path", "interval", "timeout", "failures");
    private static final Duration SHORTEST_INTERVAL = Duration.ofMillis(100);

    private LivenessReader() {}

    static Optional<LivenessSpec> read(Node node, String path, Problems problems) {
        LivenessSpec fallback = LivenessSpec.DEFAULT;
        return Mapping.read(node, path, problems, KEYS).flatMap(mapping -> {
            int before = problems.list().size();
            String httpPath = mapping.value("path")
                    .flatMap(it -> HealthReader.httpPath(it, mapping.path("path"), problems)).orElse(null);
            Duration interval = mapping.value("interval")
                    .flatMap(it -> Values.duration(it, mapping.path("interval"), problems)).orElse(fallback.interval());
            Duration timeout = mapping.value("timeout")
                    .flatMap(it -> Values.duration(it, mapping.path("timeout"), problems)).orElse(fallback.timeout());
            int failures = mapping.value("failures").flatMap(it -> Values.wholeNumber(it, mapping.path("failures"),
                    problems, 1, LivenessSpec.MAX_FAILURES)).orElse(fallback.failures());
            if (interval.compareTo(SHORTEST_INTERVAL) < 0 && mapping.has("interval")) {
                Node given = mapping.value("interval").get();
                problems.at(given, mapping.path("interval"), "must be at least 100ms, got " + Values.describe(given));
            }
            if (problems.list().size() > before) {
                return Optional.empty();
            }
            return Optional.of(new LivenessSpec(httpPath, interval, timeout, failures));
        });
    }
}
