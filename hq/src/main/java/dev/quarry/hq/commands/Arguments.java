package dev.quarry.hq.commands;

import dev.quarry.compiler.read.Names;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A verb's words split into known flags ({@code --json}) and positional words.
 *
 * @param flags the flags given
 * @param positional the other words, in order
 * @param usage the verb's usage line, for errors
 */
public record Arguments(Set<String> flags, List<String> positional, String usage) {
    public Arguments {
        flags = Set.copyOf(flags);
        positional = List.copyOf(positional);
    }

    /** Splits {@code words}; a word starting with {@code -} that is not one of {@code known} is a usage error. */
    public static Arguments parse(List<String> words, Set<String> known, String usage) {
        List<String> positional = new ArrayList<>();
        List<String> flags = new ArrayList<>();
        for (String word : words) {
            if (known.contains(word)) {
                flags.add(word);
            } else if (word.startsWith("-")) {
                throw VerbFailure.usage("unknown option " + quote(word), usage);
            } else {
                positional.add(word);
            }
        }
        return new Arguments(Set.copyOf(flags), positional, usage);
    }

    public boolean has(String flag) {
        return flags.contains(flag);
    }

    /** The app named by positional word {@code index}, checked before it is used anywhere. */
    public String app(int index) {
        if (positional.size() <= index) {
            throw VerbFailure.usage("name the app", usage);
        }
        String app = positional.get(index);
        if (!Names.isName(app)) {
            throw VerbFailure.usage(quote(app) + " is not an app name (" + Names.NAME_RULE + ")", usage);
        }
        return app;
    }

    /** Fails when there are more than {@code count} positional words. */
    public Arguments atMost(int count) {
        if (positional.size() > count) {
            throw VerbFailure.usage("unexpected " + quote(positional.get(count)), usage);
        }
        return this;
    }

    static String quote(String word) {
        String shown = word.length() > 40 ? word.substring(0, 40) + "..." : word;
        return "\"" + shown.replaceAll("\\p{Cntrl}", "?") + "\"";
    }
}
