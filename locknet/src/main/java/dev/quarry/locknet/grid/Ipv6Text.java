package dev.quarry.locknet.grid;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * IPv6 text (RFC 4291 section 2.2, including a trailing dotted IPv4 part) to 16 bytes and back to the
 * canonical form of RFC 5952. Zone ids and brackets are not addresses and are refused.
 */
final class Ipv6Text {
    private static final int GROUPS = 8;

    private Ipv6Text() {}

    static Optional<byte[]> parse(String text) {
        if (text.length() > 45 || !text.contains(":") || !text.matches("[0-9A-Fa-f:.]+")) {
            return Optional.empty();
        }
        int gap = text.indexOf("::");
        if (gap >= 0 && text.indexOf("::", gap + 1) >= 0) {
            return Optional.empty();
        }
        Optional<List<Integer>> head = groups(gap < 0 ? text : text.substring(0, gap), gap >= 0, gap < 0);
        Optional<List<Integer>> tail = gap < 0 ? Optional.of(List.of()) : groups(text.substring(gap + 2), true, true);
        if (head.isEmpty() || tail.isEmpty()) {
            return Optional.empty();
        }
        int written = head.get().size() + tail.get().size();
        if (gap < 0 ? written != GROUPS : written > GROUPS - 1) {
            return Optional.empty();
        }
        List<Integer> all = new ArrayList<>(head.get());
        while (all.size() < GROUPS - tail.get().size()) {
            all.add(0);
        }
        all.addAll(tail.get());
        return Optional.of(toBytes(all));
    }

    /** The 16-bit groups of one side of "::"; a dotted IPv4 part counts as two groups and ends the address. */
    private static Optional<List<Integer>> groups(String side, boolean mayBeEmpty, boolean endsAddress) {
        List<Integer> groups = new ArrayList<>();
        if (side.isEmpty()) {
            return mayBeEmpty ? Optional.of(groups) : Optional.empty();
        }
        String[] parts = side.split(":", -1);
        for (int index = 0; index < parts.length; index++) {
            String part = parts[index];
            if (part.contains(".")) {
                Optional<byte[]> ipv4 = endsAddress && index == parts.length - 1 ? Ipv4Text.parse(part) : Optional.empty();
                if (ipv4.isEmpty()) {
                    return Optional.empty();
                }
                byte[] bytes = ipv4.get();
                groups.add((bytes[0] & 0xff) << 8 | (bytes[1] & 0xff));
                groups.add((bytes[2] & 0xff) << 8 | (bytes[3] & 0xff));
            } else if (part.isEmpty() || part.length() > 4) {
                return Optional.empty();
            } else {
                groups.add(Integer.parseInt(part, 16));
            }
        }
        return Optional.of(groups);
    }

    private static byte[] toBytes(List<Integer> groups) {
        byte[] bytes = new byte[16];
        for (int index = 0; index < GROUPS; index++) {
            bytes[2 * index] = (byte) (groups.get(index) >> 8);
            bytes[2 * index + 1] = (byte) (int) groups.get(index);
        }
        return bytes;
    }

    /** RFC 5952: lowercase, no leading zeros, the first longest run of two or more zero groups as "::". */
    static String format(byte[] bytes) {
        int[] groups = new int[GROUPS];
        for (int index = 0; index < GROUPS; index++) {
            groups[index] = (bytes[2 * index] & 0xff) << 8 | (bytes[2 * index + 1] & 0xff);
        }
        int[] run = longestZeroRun(groups);
        StringBuilder text = new StringBuilder();
        for (int index = 0; index < GROUPS; index++) {
            if (index == run[0]) {
                text.append("::");
                index += run[1] - 1;
                continue;
            }
            if (text.length() > 0 && text.charAt(text.length() - 1) != ':') {
                text.append(':');
            }
            text.append(Integer.toHexString(groups[index]));
        }
        return text.toString();
    }

    /** {start, length} of the first longest run of at least two zero groups, or {-1, 0}. */
    private static int[] longestZeroRun(int[] groups) {
        int bestStart = -1;
        int bestLength = 1;
        for (int start = 0; start < GROUPS; start++) {
            int length = 0;
            while (start + length < GROUPS && groups[start + length] == 0) {
                length++;
            }
            if (length > bestLength) {
                bestStart = start;
                bestLength = length;
            }
        }
        return bestStart < 0 ? new int[] {-1, 0} : new int[] {bestStart, bestLength};
    }
}
