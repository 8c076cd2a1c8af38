package dev.quarry.agent.source;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Writes a folder as a ustar stream (pax headers for names past 100 bytes): folders, regular files
 * with their permission bits, and symlinks as links. Anything else (sockets, devices) is left out.
 */
public final class TarWriter {
    private final OutputStream out;

    public TarWriter(OutputStream out) {
        this.out = out;
    }

    /** Writes every entry under {@code folder}, sorted, paths relative to it, then the end blocks. */
    public static void writeFolder(Path folder, OutputStream out) throws IOException {
        TarWriter writer = new TarWriter(out);
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(folder)) {
            paths = walk.filter(path -> !path.equals(folder)).sorted().toList();
        }
        for (Path path : paths) {
            String name = folder.relativize(path).toString().replace('\\', '/');
            if (Files.isSymbolicLink(path)) {
                writer.entry(name, TarEntry.SYMLINK, 0777, 0, Files.readSymbolicLink(path).toString(), null);
            } else if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
                writer.entry(name + "/", TarEntry.FOLDER, mode(path), 0, "", null);
            } else if (Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)) {
                try (InputStream content = Files.newInputStream(path)) {
                    writer.entry(name, TarEntry.FILE, mode(path), Files.size(path), "", content);
                }
            }
        }
        writer.finish();
    }

    /** Writes one entry; {@code content} must hold exactly {@code size} bytes (null for none). */
    public void entry(String name, char type, int mode, long size, String linkName, InputStream content)
            throws IOException {
        if (name.getBytes(StandardCharsets.UTF_8).length > 100 || linkName.getBytes(StandardCharsets.UTF_8).length > 100) {
            byte[] pax = (record("path", name) + (linkName.isEmpty() ? "" : record("linkpath", linkName)))
                    .getBytes(StandardCharsets.UTF_8);
            out.write(header("././@PaxHeader", 'x', 0644, pax.length, ""));
            out.write(pax);
            pad(pax.length);
        }
        out.write(header(name, type, mode, size, linkName));
        if (content != null) {
            long copied = content.transferTo(out);
            if (copied != size) {
                throw new IOException(name + " changed while it was sent: " + copied + " bytes, not " + size);
            }
            pad(size);
        }
    }

    /** The two zero blocks that end an archive. */
    public void finish() throws IOException {
        out.write(new byte[TarReader.BLOCK * 2]);
        out.flush();
    }

    private void pad(long size) throws IOException {
        out.write(new byte[(int) ((TarReader.BLOCK - size % TarReader.BLOCK) % TarReader.BLOCK)]);
    }

    private static byte[] header(String name, char type, int mode, long size, String linkName) {
        byte[] block = new byte[TarReader.BLOCK];
        put(block, 0, 100, name);
        put(block, 100, 8, octal(mode, 7));
        put(block, 108, 8, octal(0, 7));
        put(block, 116, 8, octal(0, 7));
        put(block, 124, 12, octal(size, 11));
        put(block, 136, 12, octal(0, 11));
        block[156] = (byte) type;
        put(block, 157, 100, linkName);
        put(block, 257, 6, "ustar");
        put(block, 263, 2, "00");
        for (int i = 148; i < 156; i++) {
            block[i] = ' ';
        }
        long sum = 0;
        for (byte b : block) {
            sum += b & 0xff;
        }
        put(block, 148, 7, octal(sum, 6));
        return block;
    }

    private static void put(byte[] block, int offset, int length, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        System.arraycopy(bytes, 0, block, offset, Math.min(length, bytes.length));
    }

    private static String octal(long value, int digits) {
        String text = Long.toOctalString(value);
        return "0".repeat(Math.max(0, digits - text.length())) + text;
    }

    private static String record(String key, String value) {
        String body = " " + key + "=" + value + "\n";
        int length = body.getBytes(StandardCharsets.UTF_8).length;
        int total = length + String.valueOf(length).length();
        if (String.valueOf(total).length() != String.valueOf(length).length()) {
            total++;
        }
        return total + body;
    }

    private static int mode(Path path) throws IOException {
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS);
        int mode = 0;
        for (PosixFilePermission permission : PosixFilePermission.values()) {
            if (permissions.contains(permission)) {
                mode |= 0400 >> permission.ordinal();
            }
        }
        return mode;
    }
}
