package dev.quarry.compiler.read;

import dev.quarry.compiler.yaml.Problems;
import java.util.Optional;
import org.yaml.snakeyaml.nodes.Node;

/** Paths inside the pushed repository: relative, without {@code ..}, without control characters. */
final class RelativePaths {
    private RelativePaths() {}

    static Optional<String> read(Node node, String path, Problems problems) {
        String valid = "a path inside the repository such as Dockerfile or docker/web.Dockerfile";
        Optional<String> text = Values.text(node, path, problems, valid);
        if (text.isPresent() && !isSafe(text.get())) {
            problems.at(node, path, "must be " + valid + " (relative, without ..), got " + Values.describe(node));
            return Optional.empty();
        }
        return text;
    }

    static boolean isSafe(String path) {
        if (path.isEmpty() || path.length() > 1024 || path.startsWith("/") || path.startsWith("-")
                || path.contains("\\") || path.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            return false;
        }
        for (String part : path.split("/", -1)) {
            if (part.isEmpty() || part.equals("..") || part.equals(".")) {
                return false;
            }
        }
        return true;
    }
}
