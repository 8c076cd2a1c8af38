package dev.quarry.hq.state;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Where a value lives, as path segments such as {@code stacks / shop / stack.json}. Segments are
 * checked here, so no key can name a place outside the store ({@code ..}, {@code /}, hidden files).
 *
 * @param segments one or more names of letters, digits, {@code _ . -}, not starting with {@code .} or {@code -}
 */
public record StateKey(List<String> segments) {
    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,254}");

    public StateKey {
        segments = List.copyOf(segments);
        if (segments.isEmpty()) {
            throw new IllegalArgumentException("a state key needs at least one segment");
        }
        for (String segment : segments) {
            if (!isSegment(segment)) {
                throw new IllegalArgumentException("not a state key segment: \"" + segment + "\"");
            }
        }
    }

    public static StateKey of(String... segments) {
        return new StateKey(List.of(segments));
    }

    /** Whether {@code text} may be one segment of a key. */
    public static boolean isSegment(String text) {
        return text != null && SEGMENT.matcher(text).matches();
    }

    public StateKey child(String segment) {
        List<String> longer = new ArrayList<>(segments);
        longer.add(segment);
        return new StateKey(longer);
    }

    /**
     * Whether the value may hold env values, which are secrets: a stack's {@code env/NAME} and a release's
     * {@code env.json}. Kept on disk as mode 0600 files in 0700 folders.
     */
    public boolean isSecret() {
        boolean stackEnv = segments.size() == 4 && segments.get(0).equals("stacks") && segments.get(2).equals("env");
        boolean releaseEnv = segments.size() == 5 && segments.get(0).equals("stacks")
                && segments.get(2).equals("releases") && segments.get(4).equals("env.json");
        return stackEnv || releaseEnv;
    }

    /** The last segment. */
    public String name() {
        return segments.getLast();
    }

    /** The segments joined with {@code /}, as the key appears in messages. */
    @Override
    public String toString() {
        return String.join("/", segments);
    }
}
