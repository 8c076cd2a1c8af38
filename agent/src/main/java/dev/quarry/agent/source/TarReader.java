package dev.quarry.agent.source;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Reads a tar stream entry by entry: ustar and GNU headers, pax extended headers (path, linkpath,
 * size) and GNU long names. It only parses; what an entry may do is the unpacker's business.
 */
public final class TarReader {
    static final int BLOCK = 512;
    private static final int LONGEST_META = 1024 * 1024;

    private final InputStream in;
    private long remaining;
    private long padding;

    public TarReader(InputStream in) {
        this.in = in;
    }

    /** The next entry, or empty at the archive's end; the previous entry's unread content is skipped. */
    public Optional<TarEntry> next() throws IOException {
        skipRest();
        String longName = null;
        String longLink = null;
        Long paxSize = null;
        while (true) {
            byte[] header = readBlock();
            if (header == null || isZero(header)) {
                return Optional.empty();
            }
            TarHeader parsed = TarHeader.parse(header);
            if (parsed.type() == 'x' || parsed.type() == 'g' || parsed.type() == 'L' || parsed.type() == 'K') {
                String meta = readMeta(parsed.size());
                if (parsed.type() == 'x') {
                    PaxRecords pax = PaxRecords.parse(meta);
                    longName = pax.path().orElse(longName);
                    longLink = pax.linkPath().orElse(longLink);
                    paxSize = pax.size().orElse(paxSize);
                } else if (parsed.type() == 'L') {
                    longName = trimNul(meta);
                } else if (parsed.type() == 'K') {
                    longLink = trimNul(meta);
                }
                continue;
            }
            long size = paxSize != null ? paxSize : parsed.size();
            boolean hasContent = parsed.type() != TarEntry.FOLDER && parsed.type() != TarEntry.SYMLINK
                    && parsed.type() != TarEntry.HARD_LINK;
            remaining = hasContent ? size : 0;
            padding = hasContent ? (BLOCK - size % BLOCK) % BLOCK : 0;
            return Optional.of(new TarEntry(longName != null ? longName : parsed.name(), parsed.type(), parsed.mode(),
                    remaining, longLink != null ? longLink : parsed.linkName()));
        }
    }

    /** The current entry's content; read it before the next call to {@link #next()}. */
    public InputStream content() {
        return new InputStream() {
            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                if (remaining == 0) {
                    return -1;
                }
                int read = in.read(buffer, offset, (int) Math.min(length, remaining));
                if (read < 0) {
                    throw new TarFormatException("the archive ends in the middle of an entry");
                }
                remaining -= read;
                return read;
            }
        };
    }

    private void skipRest() throws IOException {
        skip(remaining + padding);
        remaining = 0;
        padding = 0;
    }

    private String readMeta(long size) throws IOException {
        if (size > LONGEST_META) {
            throw new TarFormatException("an extended header of " + size + " bytes is more than the agent reads");
        }
        byte[] bytes = in.readNBytes((int) size);
        if (bytes.length < size) {
            throw new TarFormatException("the archive ends in the middle of an extended header");
        }
        skip((BLOCK - size % BLOCK) % BLOCK);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private void skip(long count) throws IOException {
        long left = count;
        while (left > 0) {
            long skipped = in.skip(left);
            if (skipped <= 0) {
                if (in.read() < 0) {
                    throw new TarFormatException("the archive ends in the middle of an entry");
                }
                skipped = 1;
            }
            left -= skipped;
        }
    }

    private byte[] readBlock() throws IOException {
        byte[] block = in.readNBytes(BLOCK);
        if (block.length == 0) {
            return null;
        }
        if (block.length < BLOCK) {
            throw new TarFormatException("the archive ends in the middle of a header");
        }
        return block;
    }

    private static boolean isZero(byte[] block) {
        for (byte b : block) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }

    private static String trimNul(String text) {
        int end = text.indexOf('\0');
        return end < 0 ? text : text.substring(0, end);
    }
}
