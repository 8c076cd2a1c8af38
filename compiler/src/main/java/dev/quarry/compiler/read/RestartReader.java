package dev.quarry.compiler.read;

import dev.quarry.compiler.spec.RestartPolicy;
import dev.quarry.compiler.spec.RestartSpec;
import dev.quarry.compiler.yaml.Problems;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

/** Reads {@code restart: {policy, max, backoff}}, or the short form {@code restart: on-failure}. */
final class RestartReader {
    static final Set<String> KEYS = Set.of("policy", "max", "backoff");

    private RestartReader() {}

    static Optional<RestartSpec> read(Node node, String path, Problems problems) {
        RestartSpec fallback = RestartSpec.DEFAULT;
        if (node instanceof ScalarNode) {
            return policy(node, path, problems).map(policy -> new RestartSpec(policy, fallback.max(), fallback.backoff()));
        }
        return Mapping.read(node, path, problems, KEYS).flatMap(mapping -> {
            Optional<RestartPolicy> policy = mapping.value("policy")
                    .map(it -> policy(it, mapping.path("policy"), problems)).orElse(Optional.of(fallback.policy()));
            Optional<Integer> max = mapping.value("max")
                    .map(it -> Values.wholeNumber(it, mapping.path("max"), problems, 0, 1_000_000))
                    .orElse(Optional.of(fallback.max()));
            Optional<Duration> backoff = mapping.value("backoff")
                    .map(it -> Values.duration(it, mapping.path("backoff"), problems))
                    .orElse(Optional.of(fallback.backoff()));
            if (policy.isEmpty() || max.isEmpty() || backoff.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new RestartSpec(policy.get(), max.get(), backoff.get()));
        });
    }

    private static Optional<RestartPolicy> policy(Node node, String path, Problems problems) {
        String words = String.join(", ", Arrays.stream(RestartPolicy.values()).map(RestartPolicy::word).toList());
        Optional<RestartPolicy> policy = Values.text(node, path, problems, "one of " + words)
                .flatMap(RestartPolicy::fromWord);
        if (policy.isEmpty() && node instanceof ScalarNode && !Values.isNull(node)) {
            problems.at(node, path, "must be one of " + words + ", got " + Values.describe(node));
        }
        return policy;
    }
}
