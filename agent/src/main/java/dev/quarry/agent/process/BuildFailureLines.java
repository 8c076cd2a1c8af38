package dev.quarry.agent.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The lines of a failed build worth showing: its first error lines (those naming {@code error},
 * {@code ERR!} or {@code FAIL}, at most {@value #SHOWN}) that the last lines do not already hold, then its
 * last {@value #SHOWN} lines, so a cause printed early is not cut off by a tool's help text after it.
 */
final class BuildFailureLines {
    static final int SHOWN = 20;
    static final String GAP = "...";
    private static final Pattern ERROR = Pattern.compile("(?i)error|ERR!|FAIL");
    private static final String HEADER = "-----> build ";

    private BuildFailureLines() {}

    static List<String> of(Path log) throws IOException {
        List<String> last = Tail.lines(log, SHOWN).stream().filter(line -> !line.startsWith(HEADER)).toList();
        List<String> errors = firstErrors(log, last);
        if (errors.isEmpty()) {
            return last;
        }
        List<String> lines = new ArrayList<>(errors);
        lines.add(GAP);
        lines.addAll(last);
        return List.copyOf(lines);
    }

    private static List<String> firstErrors(Path log, List<String> last) throws IOException {
        if (!Files.isRegularFile(log)) {
            return List.of();
        }
        try (Stream<String> lines = Files.lines(log, StandardCharsets.UTF_8)) {
            return lines.filter(line -> !line.startsWith(HEADER) && ERROR.matcher(line).find())
                    .limit(SHOWN).filter(line -> !last.contains(line)).toList();
        } catch (UncheckedIOException e) {
            return List.of();
        }
    }
}
