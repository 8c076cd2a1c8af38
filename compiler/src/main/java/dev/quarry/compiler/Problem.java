package dev.quarry.compiler;

import static java.util.Objects.requireNonNull;

import java.util.Comparator;

/**
 * One thing wrong with a quarry.yml, where it is and what would be valid.
 *
 * @param file the file name as the user should see it, such as {@code quarry.yml}
 * @param line 1-based line
 * @param column 1-based column
 * @param path the key path, such as {@code nodes.web.scale}; empty for the whole document
 * @param message what is wrong and what would be valid
 */
public record Problem(String file, int line, int column, String path, String message) {

    /** Orders problems as they appear in the file. */
    public static final Comparator<Problem> IN_FILE_ORDER = Comparator.comparingInt(Problem::line)
            .thenComparingInt(Problem::column)
            .thenComparing(Problem::path)
            .thenComparing(Problem::message);

    public Problem {
        requireNonNull(file, "file is null");
        requireNonNull(path, "path is null");
        requireNonNull(message, "message is null");
        if (line < 1 || column < 1) {
            throw new IllegalArgumentException("line and column are 1-based, got " + line + ":" + column);
        }
    }

    /** The one-line form users see: {@code quarry.yml:12:12: nodes.web.scale: must be ...}. */
    @Override
    public String toString() {
        String where = file + ":" + line + ":" + column + ": ";
        return path.isEmpty() ? where + message : where + path + ": " + message;
    }
}
