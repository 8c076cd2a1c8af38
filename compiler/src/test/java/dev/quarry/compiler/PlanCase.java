package dev.quarry.compiler;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A golden plan case read from {@code plans/NAME.case}: sections introduced by lines such as
 * {@code --- previous (revision r1)}, {@code --- next (revision r2)} and {@code --- plan}.
 */
record PlanCase(String name, String previous, String previousRevision, String next, String nextRevision,
        String expectedPlan) {

    private static final Pattern HEADER = Pattern.compile("--- (\\w+)(?: \\(revision (\\w*)\\))?");

    static PlanCase load(String name) {
        String text = resource("plans/" + name + ".case");
        Map<String, String> sections = new LinkedHashMap<>();
        Map<String, String> revisions = new LinkedHashMap<>();
        String current = null;
        StringBuilder body = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            Matcher header = HEADER.matcher(line);
            if (header.matches()) {
                if (current != null) {
                    sections.put(current, body.toString());
                }
                current = header.group(1);
                revisions.put(current, header.group(2) == null ? "" : header.group(2));
                body.setLength(0);
            } else if (current != null) {
                body.append(line).append('\n');
            }
        }
        sections.put(current, body.toString().stripTrailing() + "\n");
        return new PlanCase(name, sections.get("previous"), revisions.getOrDefault("previous", ""),
                sections.get("next"), revisions.get("next"), sections.get("plan"));
    }

    static String resource(String path) {
        try (InputStream in = PlanCase.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
