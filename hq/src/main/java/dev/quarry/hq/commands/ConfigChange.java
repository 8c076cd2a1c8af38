package dev.quarry.hq.commands;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** The words of {@code config APP set K=V ...} or {@code config APP unset K ...}, checked. */
final class ConfigChange {
    private static final Pattern KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,254}");
    private static final String KEY_RULE =
            "a variable name of letters, digits and underscores, not starting with a digit";

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
        if (!KEY.matcher(key).matches()) {
            throw VerbFailure.usage(Arguments.quote(key) + " is not " + KEY_RULE, usage);
        }
        return key;
    }
}
