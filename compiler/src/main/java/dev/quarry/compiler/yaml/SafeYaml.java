package dev.quarry.compiler.yaml;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.io.StringReader;
import java.util.Optional;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.representer.Representer;

/**
 * Loads one YAML document into a node tree, refusing hostile input first: documents over 1 MiB,
 * text that is not UTF-8, more than one document, language tags, alias bombs and deep nesting.
 * Nothing is ever constructed into Java objects.
 */
public final class SafeYaml {
    public static final int MAX_BYTES = 1024 * 1024;
    public static final int MAX_DEPTH = 64;
    public static final int MAX_COLLECTION_ALIASES = 50;

    private SafeYaml() {}

    /**
     * The document's root node, or empty when it was refused or is empty; the reasons go to
     * {@code problems}.
     */
    public static Optional<Node> load(byte[] bytes, Problems problems) {
        if (bytes.length > MAX_BYTES) {
            problems.atStart("", "the file is over 1 MiB; a quarry.yml may be at most " + MAX_BYTES + " bytes");
            return Optional.empty();
        }
        Optional<String> text = decode(bytes, problems);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        Yaml yaml = newYaml();
        if (!HostileInputScan.passes(yaml, text.get(), problems)) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(yaml.compose(new StringReader(text.get())));
        } catch (MarkedYAMLException e) {
            problems.at(e.getProblemMark(), "", "invalid YAML: " + e.getProblem() + " (check the indentation and quoting here)");
        } catch (YAMLException e) {
            problems.atStart("", "invalid YAML: " + e.getMessage());
        }
        return Optional.empty();
    }

    private static Optional<String> decode(byte[] bytes, Problems problems) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
            return Optional.of(text.startsWith("\uFEFF") ? text.substring(1) : text);
        } catch (CharacterCodingException e) {
            problems.atStart("", "the file is not valid UTF-8 text");
            return Optional.empty();
        }
    }

    private static Yaml newYaml() {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(MAX_COLLECTION_ALIASES);
        options.setAllowRecursiveKeys(false);
        options.setNestingDepthLimit(MAX_DEPTH);
        options.setCodePointLimit(MAX_BYTES);
        options.setAllowDuplicateKeys(true); // duplicates are reported by the reader, with their place
        options.setTagInspector(tag -> false);
        DumperOptions dumperOptions = new DumperOptions();
        return new Yaml(new SafeConstructor(options), new Representer(dumperOptions), dumperOptions, options);
    }
}
