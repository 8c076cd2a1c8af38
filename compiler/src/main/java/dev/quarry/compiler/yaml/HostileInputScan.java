package dev.quarry.compiler.yaml;

import java.io.StringReader;
import java.util.HashMap;
import java.util.Map;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.NodeEvent;
import org.yaml.snakeyaml.events.ScalarEvent;

/**
 * Reads the YAML event stream once, without building anything, and stops at the first sign of a
 * hostile document: a second document, an explicit tag, too many aliases of collections (the
 * billion-laughs bomb) or nesting deeper than {@link SafeYaml#MAX_DEPTH}.
 */
final class HostileInputScan {
    private final Problems problems;
    private final Map<String, Boolean> anchorIsCollection = new HashMap<>();
    private int depth;
    private int collectionAliases;
    private int documents;

    private HostileInputScan(Problems problems) {
        this.problems = problems;
    }

    static boolean passes(Yaml yaml, String text, Problems problems) {
        HostileInputScan scan = new HostileInputScan(problems);
        try {
            for (Event event : yaml.parse(new StringReader(text))) {
                if (!scan.accept(event)) {
                    return false;
                }
            }
            return true;
        } catch (MarkedYAMLException e) {
            problems.at(e.getProblemMark(), "", "invalid YAML: " + e.getProblem() + " (check the indentation and quoting here)");
        } catch (YAMLException e) {
            problems.atStart("", "invalid YAML: " + e.getMessage());
        }
        return false;
    }

    private boolean accept(Event event) {
        switch (event.getEventId()) {
            case DocumentStart -> {
                if (++documents > 1) {
                    return refuse(event, "a quarry.yml holds one YAML document; remove the second \"---\"");
                }
            }
            case MappingStart, SequenceStart -> {
                if (++depth > SafeYaml.MAX_DEPTH) {
                    return refuse(event, "nesting deeper than " + SafeYaml.MAX_DEPTH + " levels is refused");
                }
                return checkTagAndAnchor((CollectionStartEvent) event, true);
            }
            case MappingEnd, SequenceEnd -> depth--;
            case Scalar -> {
                return checkTagAndAnchor((ScalarEvent) event, false);
            }
            case Alias -> {
                return checkAlias((AliasEvent) event);
            }
            default -> {
                // stream start and end, document end and comments carry nothing hostile
            }
        }
        return true;
    }

    private boolean checkTagAndAnchor(NodeEvent event, boolean collection) {
        String tag = event instanceof ScalarEvent scalar ? scalar.getTag() : ((CollectionStartEvent) event).getTag();
        if (tag != null && !tag.equals("!")) {
            return refuse(event, "YAML tags such as \"" + tag + "\" are not allowed in quarry.yml");
        }
        if (event.getAnchor() != null) {
            anchorIsCollection.put(event.getAnchor(), collection);
        }
        return true;
    }

    private boolean checkAlias(AliasEvent alias) {
        if (Boolean.TRUE.equals(anchorIsCollection.get(alias.getAnchor()))
                && ++collectionAliases > SafeYaml.MAX_COLLECTION_ALIASES) {
            return refuse(alias, "more than " + SafeYaml.MAX_COLLECTION_ALIASES
                    + " aliases of lists or mappings: alias bombs are refused");
        }
        return true;
    }

    private boolean refuse(Event event, String message) {
        problems.at(event.getStartMark(), "", message);
        return false;
    }
}
