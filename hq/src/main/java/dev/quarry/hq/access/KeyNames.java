package dev.quarry.hq.access;

import java.util.regex.Pattern;

/** The names of keys (users): those of the files {@code keys/NAME.pub}, and what {@code keys add} accepts. */
public final class KeyNames {
    /** What a name may be, for messages. */
    public static final String RULE = "a key name is 1 to 64 letters, digits, '_', '.' and '-', not starting with"
            + " '.' or '-'";
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,63}");

    private KeyNames() {}

    public static boolean isName(String text) {
        return text != null && NAME.matcher(text).matches();
    }
}
