package dev.quarry.agent.source;

import java.nio.charset.StandardCharsets;

/** One 512-byte tar header block, parsed and its checksum checked. */
record TarHeader(String name, char type, int mode, long size, String linkName) {
    static TarHeader parse(byte[] block) throws TarFormatException {
        long expected = octal(block, 148, 8);
        if (expected != checksum(block)) {
            throw new TarFormatException("a header's checksum does not match: this is not a tar archive, or it is damaged");
        }
        String name = text(block, 0, 100);
        boolean posix = text(block, 257, 6).equals("ustar");
        if (posix && block[263] == '0') {
            String prefix = text(block, 345, 155);
            name = prefix.isEmpty() ? name : prefix + "/" + name;
        }
        char type = (char) (block[156] & 0xff);
        return new TarHeader(name, type, (int) octal(block, 100, 8), size(block), text(block, 157, 100));
    }

    private static long size(byte[] block) throws TarFormatException {
        if ((block[124] & 0x80) != 0) {
            long value = 0;
            for (int i = 125; i < 136; i++) {
                value = (value << 8) | (block[i] & 0xff);
            }
            if (value < 0 || (block[124] & 0x7f) != 0) {
                throw new TarFormatException("an entry's size is too large");
            }
            return value;
        }
        return octal(block, 124, 12);
    }

    private static long checksum(byte[] block) {
        long sum = 0;
        for (int i = 0; i < TarReader.BLOCK; i++) {
            sum += (i >= 148 && i < 156) ? ' ' : (block[i] & 0xff);
        }
        return sum;
    }

    private static long octal(byte[] block, int offset, int length) throws TarFormatException {
        long value = 0;
        int end = offset + length;
        int i = offset;
        while (i < end && (block[i] == ' ' || block[i] == 0)) {
            i++;
        }
        for (; i < end && block[i] != 0 && block[i] != ' '; i++) {
            if (block[i] < '0' || block[i] > '7') {
                throw new TarFormatException("a header holds a number that is not octal");
            }
            value = value * 8 + (block[i] - '0');
        }
        return value;
    }

    private static String text(byte[] block, int offset, int length) {
        int end = offset;
        while (end < offset + length && block[end] != 0) {
            end++;
        }
        return new String(block, offset, end - offset, StandardCharsets.UTF_8);
    }
}
