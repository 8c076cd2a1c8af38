package dev.quarry.compiler.read;

import dev.quarry.compiler.spec.Cpu;
import dev.quarry.compiler.spec.Size;
import dev.quarry.compiler.yaml.Problems;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/** Reads scalar values (text, whole numbers, sizes, durations, cpus) and lists, reporting what would be valid. */
final class Values {
    static final long MAX_MEMORY_BYTES = 1024L * 1024 * 1024 * 1024;
    static final Duration MAX_DURATION = Duration.ofDays(1);
    static final int MAX_CPU_MILLICORES = 1024 * 1000;

    private static final Pattern SIZE = Pattern.compile("(\\d{1,13})([kmg])", Pattern.CASE_INSENSITIVE);
    private static final Pattern DURATION = Pattern.compile("(\\d{1,9})(ms|s|m|h)");
    private static final Pattern CPU = Pattern.compile("\\d{1,7}(\\.\\d{1,3})?");
    private static final Pattern MILLICORES = Pattern.compile("(\\d{1,10})m");

    private Values() {}

    static boolean isNull(Node node) {
        return node instanceof ScalarNode && node.getTag().equals(Tag.NULL);
    }

    /** How a value is named in "got ..." messages. */
    static String describe(Node node) {
        if (node instanceof MappingNode) {
            return "a mapping";
        }
        if (node instanceof SequenceNode) {
            return "a list";
        }
        if (isNull(node)) {
            return "nothing";
        }
        return quote(((ScalarNode) node).getValue());
    }

    static String quote(String text) {
        String shown = text.length() > 60 ? text.substring(0, 57) + "..." : text;
        StringBuilder out = new StringBuilder("\"");
        for (char c : shown.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20 || c == 0x7f) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }

    /** A scalar's text, or empty with "must be {what}" when it is missing, a list or a mapping. */
    static Optional<String> text(Node node, String path, Problems problems, String what) {
        if (node instanceof ScalarNode scalar && !isNull(node)) {
            return Optional.of(scalar.getValue());
        }
        problems.at(node, path, "must be " + what + ", got " + describe(node));
        return Optional.empty();
    }

    /** Non-empty, single-line text without control characters. */
    static Optional<String> line(Node node, String path, Problems problems, String what) {
        Optional<String> text = text(node, path, problems, what);
        if (text.isPresent() && (text.get().isBlank() || text.get().chars().anyMatch(c -> c < 0x20 && c != '\t'))) {
            problems.at(node, path, "must be " + what + " on one line, got " + describe(node));
            return Optional.empty();
        }
        return text;
    }

    static Optional<Integer> wholeNumber(Node node, String path, Problems problems, int min, int max) {
        String valid = "must be a whole number from " + min + " to " + max;
        Optional<String> text = text(node, path, problems, valid.substring("must be ".length()));
        if (text.isEmpty()) {
            return Optional.empty();
        }
        if (text.get().matches("\\d{1,10}")) {
            long value = Long.parseLong(text.get());
            if (value >= min && value <= max) {
                return Optional.of((int) value);
            }
        }
        problems.at(node, path, valid + ", got " + describe(node));
        return Optional.empty();
    }

    static Optional<Size> size(Node node, String path, Problems problems) {
        String valid = "a size from 1M to 1024G such as 256M or 1G";
        Optional<String> text = text(node, path, problems, valid);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        Matcher matcher = SIZE.matcher(text.get());
        if (matcher.matches()) {
            long amount = Long.parseLong(matcher.group(1));
            int shift = switch (matcher.group(2).toLowerCase(Locale.ROOT)) {
                case "k" -> 10;
                case "m" -> 20;
                default -> 30;
            };
            if (amount <= (MAX_MEMORY_BYTES >> shift) && (amount << shift) >= 1024 * 1024) {
                return Optional.of(new Size(amount << shift));
            }
        }
        problems.at(node, path, "must be " + valid + ", got " + describe(node));
        return Optional.empty();
    }

    static Optional<Duration> duration(Node node, String path, Problems problems) {
        String valid = "a duration such as 500ms, 2s, 1m or 1h (at most 24h)";
        Optional<String> text = text(node, path, problems, valid);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        Matcher matcher = DURATION.matcher(text.get());
        if (matcher.matches()) {
            long amount = Long.parseLong(matcher.group(1));
            Duration duration = switch (matcher.group(2)) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                default -> Duration.ofHours(amount);
            };
            if (!duration.isZero() && duration.compareTo(MAX_DURATION) <= 0) {
                return Optional.of(duration);
            }
        }
        problems.at(node, path, "must be " + valid + ", got " + describe(node));
        return Optional.empty();
    }

    static Optional<Cpu> cpu(Node node, String path, Problems problems) {
        String valid = "a number of cpus above 0 such as 0.5 or 2 (or millicores such as 500m), at most 1024";
        Optional<String> text = text(node, path, problems, valid);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        long millicores = -1;
        if (CPU.matcher(text.get()).matches()) {
            millicores = new BigDecimal(text.get()).movePointRight(3).longValueExact();
        } else {
            Matcher matcher = MILLICORES.matcher(text.get());
            if (matcher.matches()) {
                millicores = Long.parseLong(matcher.group(1));
            }
        }
        if (millicores > 0 && millicores <= MAX_CPU_MILLICORES) {
            return Optional.of(new Cpu((int) millicores));
        }
        problems.at(node, path, "must be " + valid + ", got " + describe(node));
        return Optional.empty();
    }

    /** The items of a list; a single scalar counts as a list of one when {@code singleAllowed}. */
    static Optional<List<Node>> list(Node node, String path, Problems problems, String what, boolean singleAllowed) {
        if (node instanceof SequenceNode sequence) {
            return Optional.of(sequence.getValue());
        }
        if (singleAllowed && node instanceof ScalarNode && !isNull(node)) {
            return Optional.of(List.of(node));
        }
        problems.at(node, path, "must be a list of " + what + ", got " + describe(node));
        return Optional.empty();
    }
}
