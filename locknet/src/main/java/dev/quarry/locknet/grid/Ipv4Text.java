package dev.quarry.locknet.grid;

import java.util.Optional;

/** Strict dotted-quad IPv4: four decimal numbers 0 to 255 without leading zeros (so never "1.2.3" or "010.0.0.1"). */
final class Ipv4Text {
    private Ipv4Text() {}

    static Optional<byte[]> parse(String text) {
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) {
            return Optional.empty();
        }
        byte[] bytes = new byte[4];
        for (int index = 0; index < 4; index++) {
            int value = octet(parts[index]);
            if (value < 0) {
                return Optional.empty();
            }
            bytes[index] = (byte) value;
        }
        return Optional.of(bytes);
    }

    static String format(byte[] bytes) {
        return (bytes[0] & 0xff) + "." + (bytes[1] & 0xff) + "." + (bytes[2] & 0xff) + "." + (bytes[3] & 0xff);
    }

    /** The octet's value, or -1 when the part is not 1 to 3 digits, has a leading zero or exceeds 255. */
    private static int octet(String part) {
        if (part.isEmpty() || part.length() > 3 || (part.length() > 1 && part.charAt(0) == '0')) {
            return -1;
        }
        for (int index = 0; index < part.length(); index++) {
            if (part.charAt(index) < '0' || part.charAt(index) > '9') {
                return -1;
            }
        }
        int value = Integer.parseInt(part);
        return value <= 255 ? value : -1;
    }
}
