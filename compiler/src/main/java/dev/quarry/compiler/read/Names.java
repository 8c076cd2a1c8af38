package dev.quarry.compiler.read;

import dev.quarry.compiler.yaml.Problems;
import java.util.Optional;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.Node;

/** The shapes of names: stacks, services, nodes, tags and volumes; environment keys; domains. */
public final class Names {
    /** Stack, service, node and tag names: what may appear in paths, container names and commands. */
    public static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");
    public static final String NAME_RULE =
            "a name of 1 to 63 lowercase letters, digits and dashes, not starting with a dash";
    static final Pattern ENV_KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,254}");
    public static final String ENV_KEY_RULE =
            "a variable name of letters, digits and underscores, not starting with a digit";
    /** Set by Quarry for every container (where it listens); a stack may not set them. */
    public static final java.util.Set<String> RESERVED_ENV_KEYS = java.util.Set.of("HOST", "PORT");
    private static final Pattern LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");

    private Names() {}

    /** Whether {@code text} is a valid stack, service, node or tag name. */
    public static boolean isName(String text) {
        return text != null && NAME.matcher(text).matches();
    }

    static Optional<String> name(Node node, String path, Problems problems) {
        Optional<String> text = Values.text(node, path, problems, NAME_RULE);
        if (text.isPresent() && !isName(text.get())) {
            problems.at(node, path, "must be " + NAME_RULE + ", got " + Values.describe(node));
            return Optional.empty();
        }
        return text;
    }

    /** Whether {@code text} may name an environment variable in quarry.yml or {@code config set}. */
    public static boolean isEnvKey(String text) {
        return ENV_KEY.matcher(text).matches();
    }

    /** A domain name such as {@code shop.example.com}, or a wildcard such as {@code *.example.com}. */
    static boolean isDomain(String text) {
        if (text.length() > 253) {
            return false;
        }
        String rest = text.startsWith("*.") ? text.substring(2) : text;
        if (rest.isEmpty()) {
            return false;
        }
        for (String label : rest.split("\\.", -1)) {
            if (!LABEL.matcher(label).matches()) {
                return false;
            }
        }
        return true;
    }
}
