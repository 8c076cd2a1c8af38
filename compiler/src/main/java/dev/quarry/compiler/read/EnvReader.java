package dev.quarry.compiler.read;

import dev.quarry.compiler.yaml.Problems;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

/** Reads an env mapping: variable names to text values (numbers and booleans are kept as written). */
final class EnvReader {
    static final Set<String> RESERVED = Names.RESERVED_ENV_KEYS;

    private EnvReader() {}

    /** One variable and where its value is written. */
    record Variable(String key, String value, Node valueNode) {}

    static Map<String, String> read(Node node, String path, Problems problems) {
        Map<String, String> env = new LinkedHashMap<>();
        variables(node, path, problems).forEach(variable -> env.put(variable.key(), variable.value()));
        return env;
    }

    static List<Variable> variables(Node node, String path, Problems problems) {
        List<Variable> env = new ArrayList<>();
        Mapping.read(node, path, problems).ifPresent(mapping -> {
            for (Mapping.Entry entry : mapping.entries()) {
                String keyPath = mapping.path(entry.key());
                if (!Names.isEnvKey(entry.key())) {
                    problems.at(entry.keyNode(), keyPath, "must be " + Names.ENV_KEY_RULE + ", got "
                            + Values.quote(entry.key()));
                } else if (RESERVED.contains(entry.key())) {
                    problems.at(entry.keyNode(), keyPath, entry.key()
                            + " is set by Quarry to where the container listens; choose another name");
                } else if (Values.isNull(entry.value()) || !(entry.value() instanceof ScalarNode)) {
                    problems.at(entry.value(), keyPath, "must be a text value (use \"\" for an empty one), got "
                            + Values.describe(entry.value()));
                } else {
                    env.add(new Variable(entry.key(), ((ScalarNode) entry.value()).getValue(), entry.value()));
                }
            }
        });
        return env;
    }
}
