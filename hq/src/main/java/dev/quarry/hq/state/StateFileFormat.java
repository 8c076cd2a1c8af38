package dev.quarry.hq.state;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The bytes of one state file: a header line {@code quarry-state 1 revision=N length=N sha256=HEX}
 * and then the value. The header carries the revision for compare-and-set, and the length and
 * checksum that tell a torn or damaged file from a good one.
 */
final class StateFileFormat {
    private static final Pattern HEADER =
            Pattern.compile("quarry-state 1 revision=([1-9][0-9]{0,18}) length=([0-9]{1,10}) sha256=([0-9a-f]{64})");
    private static final int MAX_HEADER = 160;
    private static final String FIX = "; restore it from a backup, or delete it to forget that record";

    private StateFileFormat() {}

    static byte[] encode(long revision, byte[] value) {
        String header = "quarry-state 1 revision=" + revision + " length=" + value.length + " sha256="
                + sha256(value) + "\n";
        byte[] head = header.getBytes(StandardCharsets.US_ASCII);
        byte[] file = Arrays.copyOf(head, head.length + value.length);
        System.arraycopy(value, 0, file, head.length, value.length);
        return file;
    }

    /** Reads a state file's bytes, or throws naming the file when they are torn or damaged. */
    static Versioned decode(Path file, byte[] bytes) {
        if (bytes.length == 0) {
            throw new StateCorruptException(file + ": empty state file (a torn write?)" + FIX);
        }
        int newline = indexOfNewline(bytes);
        if (newline < 0) {
            throw new StateCorruptException(file + ": not a Quarry state file (no header line)" + FIX);
        }
        Matcher header = HEADER.matcher(new String(bytes, 0, newline, StandardCharsets.US_ASCII));
        if (!header.matches()) {
            throw new StateCorruptException(file + ": not a Quarry state file (unreadable header)" + FIX);
        }
        long revision = Long.parseLong(header.group(1));
        long length = Long.parseLong(header.group(2));
        byte[] value = Arrays.copyOfRange(bytes, newline + 1, bytes.length);
        if (value.length != length) {
            throw new StateCorruptException(file + ": torn: the header promises " + length + " bytes, the file holds "
                    + value.length + FIX);
        }
        if (!sha256(value).equals(header.group(3))) {
            throw new StateCorruptException(file + ": corrupt: the checksum does not match the content" + FIX);
        }
        return new Versioned(value, revision);
    }

    private static int indexOfNewline(byte[] bytes) {
        for (int i = 0; i < Math.min(bytes.length, MAX_HEADER); i++) {
            if (bytes[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private static String sha256(byte[] value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this Java has no SHA-256", e);
        }
    }
}
