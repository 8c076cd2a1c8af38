package dev.quarry.locknet.grid;

/** Quotes user input for a one-line message: control characters escaped, long input shortened. */
public final class Shown {
    private static final int MAX_CHARACTERS = 60;

    private Shown() {}

    /** {@code "text"}, with newlines and other control characters written as escapes. */
    public static String quoted(String input) {
        StringBuilder shown = new StringBuilder("\"");
        int limit = Math.min(input.length(), MAX_CHARACTERS);
        for (int index = 0; index < limit; index++) {
            char character = input.charAt(index);
            switch (character) {
                case '\n' -> shown.append("\\n");
                case '\r' -> shown.append("\\r");
                case '\t' -> shown.append("\\t");
                case '"' -> shown.append("\\\"");
                case '\\' -> shown.append("\\\\");
                default -> {
                    if (Character.isISOControl(character)) {
                        shown.append(String.format("\\u%04x", (int) character));
                    } else {
                        shown.append(character);
                    }
                }
            }
        }
        return shown.append(input.length() > MAX_CHARACTERS ? "...\"" : "\"").toString();
    }
}
