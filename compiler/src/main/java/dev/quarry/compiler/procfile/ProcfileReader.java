package dev.quarry.compiler.procfile;

import dev.quarry.compiler.Problem;
import dev.quarry.compiler.read.Names;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads Heroku's Procfile format: one {@code name: command} a line; blank lines and lines starting with
 * {@code #} are skipped. Names are node names ({@value #NAME_HINT}); commands one line of printable text.
 */
final class ProcfileReader {
    static final int MAX_BYTES = Procfile.MAX_BYTES;
    static final String NAME_HINT = "lowercase letters, digits and dashes";

    private ProcfileReader() {}

    static List<ProcfileLine> read(String fileName, byte[] bytes, List<Problem> problems) {
        if (bytes.length > MAX_BYTES) {
            problems.add(new Problem(fileName, 1, 1, "", "is " + bytes.length + " bytes; a Procfile may have at most "
                    + MAX_BYTES));
            return List.of();
        }
        Optional<String> text = utf8(bytes);
        if (text.isEmpty()) {
            problems.add(new Problem(fileName, 1, 1, "", "is not UTF-8 text"));
            return List.of();
        }
        List<ProcfileLine> lines = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        String[] raw = text.get().split("\r?\n", -1);
        for (int i = 0; i < raw.length; i++) {
            line(fileName, raw[i], i + 1, seen, problems).ifPresent(lines::add);
        }
        return lines;
    }

    private static Optional<ProcfileLine> line(String fileName, String raw, int number, Set<String> seen,
            List<Problem> problems) {
        String trimmed = raw.strip();
        if (trimmed.isEmpty() || trimmed.startsWith("#")) {
            return Optional.empty();
        }
        int colon = raw.indexOf(':');
        if (colon < 0) {
            problems.add(new Problem(fileName, number, 1, "", "must be NAME: COMMAND, such as web: ./server, got \""
                    + shorten(trimmed) + "\""));
            return Optional.empty();
        }
        String name = raw.substring(0, colon).strip();
        String command = raw.substring(colon + 1).strip();
        int nameColumn = raw.indexOf(name.isEmpty() ? ":" : name) + 1;
        if (!Names.isName(name)) {
            problems.add(new Problem(fileName, number, nameColumn, "", "\"" + shorten(name)
                    + "\" cannot name a process: use " + NAME_HINT + ", not starting with a dash (at most 63)"));
            return Optional.empty();
        }
        if (!seen.add(name)) {
            problems.add(new Problem(fileName, number, nameColumn, name, "is defined twice; keep one line per process"));
            return Optional.empty();
        }
        if (command.isEmpty() || command.chars().anyMatch(c -> c < 0x20 && c != '\t' || c == 0x7f)) {
            problems.add(new Problem(fileName, number, colon + 2, name, "needs a command on the same line, such as "
                    + name + ": ./server"));
            return Optional.empty();
        }
        return Optional.of(new ProcfileLine(name, command, number));
    }

    private static Optional<String> utf8(byte[] bytes) {
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    private static String shorten(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "..." : text;
    }
}
