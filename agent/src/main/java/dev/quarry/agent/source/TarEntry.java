package dev.quarry.agent.source;

import static java.util.Objects.requireNonNull;

/**
 * One entry's header in a tar stream, long names (pax, GNU) already applied.
 *
 * @param name its path as written in the archive
 * @param type the tar type flag: '0' file, '5' folder, '2' symlink, '1' hard link, '3' '4' devices, '6' fifo
 * @param mode its permission bits
 * @param size how many bytes of content follow
 * @param linkName a link's target, or empty
 */
public record TarEntry(String name, char type, int mode, long size, String linkName) {
    public static final char FILE = '0';
    public static final char OLD_FILE = '\0';
    public static final char CONTIGUOUS_FILE = '7';
    public static final char HARD_LINK = '1';
    public static final char SYMLINK = '2';
    public static final char CHARACTER_DEVICE = '3';
    public static final char BLOCK_DEVICE = '4';
    public static final char FOLDER = '5';
    public static final char FIFO = '6';

    public TarEntry {
        requireNonNull(name, "name is null");
        requireNonNull(linkName, "linkName is null");
        if (size < 0) {
            throw new IllegalArgumentException("a tar entry's size must not be negative, got " + size);
        }
    }

    public boolean isFile() {
        return type == FILE || type == OLD_FILE || type == CONTIGUOUS_FILE;
    }
}
