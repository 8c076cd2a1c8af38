package dev.quarry.agent.runtime;

/** Text from a client, quoted and shortened for a one-line message, control characters shown as {@code ?}. */
public final class Quoted {
    private static final int LONGEST = 60;

    private Quoted() {}

    public static String of(String text) {
        if (text == null) {
            return "nothing";
        }
        String shown = text.length() > LONGEST ? text.substring(0, LONGEST) + "..." : text;
        return "\"" + shown.replaceAll("\\p{Cntrl}", "?") + "\"";
    }
}
