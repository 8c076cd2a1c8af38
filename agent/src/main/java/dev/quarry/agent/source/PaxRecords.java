package dev.quarry.agent.source;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The records of a pax extended header ({@code "LENGTH key=value\n"}) the agent uses: path, linkpath, size. */
record PaxRecords(Map<String, String> values) {
    static PaxRecords parse(String text) throws TarFormatException {
        Map<String, String> values = new HashMap<>();
        int at = 0;
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        while (at < bytes.length) {
            int space = indexOf(bytes, (byte) ' ', at);
            if (space < 0) {
                throw new TarFormatException("a pax header record has no length");
            }
            int length;
            try {
                length = Integer.parseInt(new String(bytes, at, space - at, StandardCharsets.US_ASCII));
            } catch (NumberFormatException e) {
                throw new TarFormatException("a pax header record's length is not a number");
            }
            if (length <= space - at + 1 || at + length > bytes.length) {
                throw new TarFormatException("a pax header record's length is wrong");
            }
            String record = new String(bytes, space + 1, at + length - space - 2, StandardCharsets.UTF_8);
            int equals = record.indexOf('=');
            if (equals > 0) {
                values.put(record.substring(0, equals), record.substring(equals + 1));
            }
            at += length;
        }
        return new PaxRecords(values);
    }

    Optional<String> path() {
        return Optional.ofNullable(values.get("path"));
    }

    Optional<String> linkPath() {
        return Optional.ofNullable(values.get("linkpath"));
    }

    Optional<Long> size() throws TarFormatException {
        String size = values.get("size");
        if (size == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(size));
        } catch (NumberFormatException e) {
            throw new TarFormatException("a pax size is not a number: " + size);
        }
    }

    private static int indexOf(byte[] bytes, byte wanted, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == wanted) {
                return i;
            }
        }
        return -1;
    }
}
