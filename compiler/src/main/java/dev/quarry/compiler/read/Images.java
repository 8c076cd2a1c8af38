package dev.quarry.compiler.read;

import dev.quarry.compiler.yaml.Problems;
import java.util.Optional;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.Node;

/** Docker image references such as {@code postgres:16}, {@code shop/web:1} or {@code host:5000/a/b@sha256:…}. */
final class Images {
    private static final String COMPONENT = "[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*";
    private static final String HOST = "(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?(?:\\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*"
            + "(?::[0-9]{1,5})?/)?";
    private static final Pattern REFERENCE = Pattern.compile(HOST + COMPONENT + "(?:/" + COMPONENT + ")*"
            + "(?::[A-Za-z0-9_][A-Za-z0-9_.-]{0,127})?(?:@sha256:[a-f0-9]{64})?");

    private Images() {}

    static Optional<String> image(Node node, String path, Problems problems) {
        String valid = "an image reference such as postgres:16 or shop/web:1";
        Optional<String> text = Values.text(node, path, problems, valid);
        if (text.isPresent() && (text.get().length() > 255 || !REFERENCE.matcher(text.get()).matches())) {
            problems.at(node, path, "must be " + valid + ", got " + Values.describe(node));
            return Optional.empty();
        }
        return text;
    }
}
