package dev.quarry.agent.process;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The last lines of a text file, read from its end (at most 4 MiB of it). */
public final class Tail {
    private static final int BLOCK = 64 * 1024;
    private static final long MOST_BYTES = 4L * 1024 * 1024;

    private Tail() {}

    /** Up to {@code count} last lines, oldest first; empty when the file does not exist. */
    public static List<String> lines(Path file, int count) throws IOException {
        if (count <= 0 || !Files.isRegularFile(file)) {
            return List.of();
        }
        try (RandomAccessFile reader = new RandomAccessFile(file.toFile(), "r")) {
            long length = reader.length();
            long start = length;
            int newlines = 0;
            byte[] block = new byte[BLOCK];
            while (start > 0 && newlines <= count && length - start < MOST_BYTES) {
                int size = (int) Math.min(BLOCK, start);
                start -= size;
                reader.seek(start);
                reader.readFully(block, 0, size);
                for (int i = 0; i < size; i++) {
                    newlines += block[i] == '\n' ? 1 : 0;
                }
            }
            byte[] text = new byte[(int) (length - start)];
            reader.seek(start);
            reader.readFully(text);
            List<String> lines = new String(text, StandardCharsets.UTF_8).lines().toList();
            if (start > 0 && !lines.isEmpty()) {
                lines = lines.subList(1, lines.size());
            }
            return List.copyOf(lines.subList(Math.max(0, lines.size() - count), lines.size()));
        }
    }
}
