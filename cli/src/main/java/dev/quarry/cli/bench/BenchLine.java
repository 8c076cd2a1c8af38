package dev.quarry.cli.bench;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/** One result line, {@code key=value} pairs in a fixed order, easy for a person and for grep. */
final class BenchLine {
    private final Map<String, String> fields = new LinkedHashMap<>();

    BenchLine with(String key, Object value) {
        fields.put(key, String.valueOf(value));
        return this;
    }

    BenchLine with(String key, double value, int decimals) {
        fields.put(key, String.format(Locale.ROOT, "%." + decimals + "f", value));
        return this;
    }

    @Override
    public String toString() {
        StringJoiner line = new StringJoiner(" ");
        fields.forEach((key, value) -> line.add(key + "=" + value));
        return line.toString();
    }
}
