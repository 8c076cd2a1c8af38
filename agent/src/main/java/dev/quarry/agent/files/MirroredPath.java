package dev.quarry.agent.files;

import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The file a key names, below the mirror's folder: the key's rest after the prefix, split at {@code /},
 * each part a plain name (letters, digits, {@code _ . -}, not starting with {@code .} or {@code -}), at most
 * eight deep. Anything else ({@code ..}, absolute paths, empty parts, hidden files) names no file.
 */
public final class MirroredPath {
    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,254}");
    private static final int DEPTH = 8;

    private MirroredPath() {}

    /** The path relative to the mirror's folder, or empty when the name is not a safe one. */
    public static Optional<Path> of(String name) {
        String[] segments = name.split("/", -1);
        if (segments.length == 0 || segments.length > DEPTH) {
            return Optional.empty();
        }
        for (String segment : segments) {
            if (!SEGMENT.matcher(segment).matches()) {
                return Optional.empty();
            }
        }
        return Optional.of(Path.of(segments[0], java.util.Arrays.copyOfRange(segments, 1, segments.length)));
    }
}
