package dev.quarry.compiler;

import dev.quarry.compiler.read.StackReader;
import dev.quarry.compiler.yaml.Problems;
import dev.quarry.compiler.yaml.SafeYaml;
import java.util.Optional;
import org.yaml.snakeyaml.nodes.Node;

/** Reads a quarry.yml from the bytes it is handed. Pure: no files, no network, no clock. */
public final class QuarryFile {
    /** The file every stack keeps in its repository root. */
    public static final String NAME = "quarry.yml";

    private QuarryFile() {}

    /**
     * Parses and validates a quarry.yml.
     *
     * @param fileName how to name the file in problems, such as {@code quarry.yml} or {@code shop/quarry.yml}
     * @param bytes the file's content
     * @param defaultName the stack's name when the file sets none (the pushed repository's name)
     */
    public static ParseResult parse(String fileName, byte[] bytes, String defaultName) {
        return parse(fileName, bytes, defaultName, false);
    }

    /**
     * Parses the quarry.yml pushed to an app: its {@code name:}, when set, must be the app's.
     *
     * @param app the app pushed to, also the default name
     */
    public static ParseResult parseForApp(String fileName, byte[] bytes, String app) {
        return parse(fileName, bytes, app, true);
    }

    private static ParseResult parse(String fileName, byte[] bytes, String defaultName, boolean nameMustMatch) {
        Problems problems = new Problems(fileName);
        Optional<Node> root = SafeYaml.load(bytes, problems);
        if (!problems.isEmpty()) {
            return new ParseResult.Invalid(problems.list());
        }
        return StackReader.read(root.orElse(null), defaultName, nameMustMatch, problems)
                .<ParseResult>map(ParseResult.Parsed::new)
                .orElseGet(() -> new ParseResult.Invalid(problems.list()));
    }
}
