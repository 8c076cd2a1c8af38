package dev.quarry.hq.commands;

import dev.quarry.compiler.read.Names;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;


/** The words of {@code config APP set K=V ...} or {@code config APP unset K ...}, checked. */
final class ConfigChange {

    private ConfigChange() {}

    /** {@code K=V} pairs in the order given. */
    static Map<String, String> pairs(List<String> words, String usage) {
        if (words.isEmpty()) {
            throw VerbFailure.usage("give at least one KEY=VALUE", usage);
        }
        Map<String, String> pairs = new LinkedHashMap<>();
        for (String word : words) {
            int equals = word.indexOf('=');
            if (equals < 0) {
                throw VerbFailure.usage(Arguments.quote(word) + " is not KEY=VALUE", usage);
            }
            pairs.put(key(word.substring(0, equals), usage), word.substring(equals + 1));
        }
        return pairs;
    }

    /** Keys to unset, in the order given. */
    static List<String> keys(List<String> words, String usage) {
        if (words.isEmpty()) {
            throw VerbFailure.usage("name at least one KEY", usage);
        }
        List<String> keys = new ArrayList<>();
        for (String word : words) {
            keys.add(key(word, usage));
        }
        return keys;
    }

    private static String key(String key, String usage) {
        if (!Names.isEnvKey(key)) {
            throw VerbFailure.usage(Arguments.quote(key) + " is not " + Names.ENV_KEY_RULE, usage);
        }
        if (Names.RESERVED_ENV_KEYS.contains(key)) {
            throw VerbFailure.usage(key + " is set by Quarry to where each container listens; choose another name", usage);
        }
        return key;
    }
}
