package dev.quarry.compiler.read;

import dev.quarry.compiler.yaml.Problems;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * A YAML mapping being read at a key path: its entries in file order with merge keys ({@code <<})
 * applied, duplicate and non-text keys reported, and (when known keys are given) unknown keys
 * reported with a "did you mean".
 */
final class Mapping {
    /** One key and its value. */
    record Entry(String key, Node keyNode, Node value) {}

    private final Node node;
    private final String path;
    private final Problems problems;
    private final Map<String, Entry> entries = new LinkedHashMap<>();

    private Mapping(MappingNode node, String path, Problems problems) {
        this.node = node;
        this.path = path;
        this.problems = problems;
        List<NodeTuple> tuples = new ArrayList<>();
        flatten(node, tuples);
        for (NodeTuple tuple : tuples) {
            add(tuple);
        }
    }

    /** The mapping at {@code node}, or empty (with a problem) when it is something else. */
    static Optional<Mapping> read(Node node, String path, Problems problems) {
        if (node instanceof MappingNode mapping) {
            return Optional.of(new Mapping(mapping, path, problems));
        }
        problems.at(node, path, "must be a mapping of keys to values, got " + Values.describe(node));
        return Optional.empty();
    }

    /** Like {@link #read} and reports every key that is not one of {@code known}. */
    static Optional<Mapping> read(Node node, String path, Problems problems, Set<String> known) {
        Optional<Mapping> mapping = read(node, path, problems);
        mapping.ifPresent(it -> it.reportUnknownKeys(known));
        return mapping;
    }

    Node node() {
        return node;
    }

    String path() {
        return path;
    }

    String path(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    List<Entry> entries() {
        return List.copyOf(entries.values());
    }

    boolean has(String key) {
        return entries.containsKey(key);
    }

    /** The value of {@code key}, unless it is absent or null. */
    Optional<Node> value(String key) {
        Entry entry = entries.get(key);
        if (entry == null || Values.isNull(entry.value())) {
            return Optional.empty();
        }
        return Optional.of(entry.value());
    }

    /** Where the key itself is written, or the mapping when it is absent. */
    Node keyNode(String key) {
        Entry entry = entries.get(key);
        return entry == null ? node : entry.keyNode();
    }

    private void reportUnknownKeys(Set<String> known) {
        for (Entry entry : entries.values()) {
            if (!known.contains(entry.key())) {
                problems.at(entry.keyNode(), path(entry.key()), Suggest.unknownKey(entry.key(), known));
            }
        }
    }

    private void add(NodeTuple tuple) {
        Node keyNode = tuple.getKeyNode();
        if (!(keyNode instanceof ScalarNode scalar) || Values.isNull(keyNode)) {
            problems.at(keyNode, path, "keys must be plain text, got " + Values.describe(keyNode));
            return;
        }
        String key = scalar.getValue();
        if (entries.containsKey(key)) {
            problems.at(keyNode, path(key), "duplicate key; it is already set on line "
                    + (entries.get(key).keyNode().getStartMark().getLine() + 1));
            return;
        }
        entries.put(key, new Entry(key, keyNode, tuple.getValueNode()));
    }

    /** Applies merge keys: explicit keys first, then merged ones that are not already set. */
    private void flatten(MappingNode mapping, List<NodeTuple> into) {
        List<NodeTuple> merged = new ArrayList<>();
        for (NodeTuple tuple : mapping.getValue()) {
            if (tuple.getKeyNode().getTag().equals(Tag.MERGE)) {
                mergeFrom(tuple.getValueNode(), merged);
            } else {
                into.add(tuple);
            }
        }
        for (NodeTuple tuple : merged) {
            boolean explicit = into.stream().anyMatch(existing -> sameKey(existing, tuple));
            if (!explicit) {
                into.add(tuple);
            }
        }
    }

    private void mergeFrom(Node value, List<NodeTuple> merged) {
        if (value instanceof MappingNode source) {
            List<NodeTuple> flattened = new ArrayList<>();
            flatten(source, flattened);
            flattened.stream().filter(tuple -> merged.stream().noneMatch(m -> sameKey(m, tuple))).forEach(merged::add);
        } else if (value instanceof SequenceNode sequence) {
            sequence.getValue().forEach(item -> mergeFrom(item, merged));
        } else {
            problems.at(value, path, "<< merges only mappings, got " + Values.describe(value));
        }
    }

    private static boolean sameKey(NodeTuple one, NodeTuple other) {
        return one.getKeyNode() instanceof ScalarNode a
                && other.getKeyNode() instanceof ScalarNode b
                && a.getValue().equals(b.getValue());
    }
}
