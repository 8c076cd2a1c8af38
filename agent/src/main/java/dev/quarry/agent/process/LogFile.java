package dev.quarry.agent.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * A process container's output file, capped in size: past the cap its content moves to
 * {@code NAME.1} (replacing the older one) and the file starts empty again. The process keeps
 * writing through its own O_APPEND descriptor, so it needs no pipe to the agent and outlives an
 * agent restart.
 */
public final class LogFile {
    public static final long DEFAULT_CAP = 10L * 1024 * 1024;

    private final Path file;
    private final long cap;

    public LogFile(Path file, long cap) {
        this.file = file;
        this.cap = cap;
    }

    public Path path() {
        return file;
    }

    private Path older() {
        return file.resolveSibling(file.getFileName() + ".1");
    }

    /** Moves the content aside when the file has grown past its cap (copy, then truncate). */
    public synchronized void rotateIfOver() {
        try {
            if (Files.exists(file) && Files.size(file) > cap) {
                Files.copy(file, older(), StandardCopyOption.REPLACE_EXISTING);
                try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
                    channel.truncate(0);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot rotate " + file + ": " + e.getMessage(), e);
        }
    }

    /** Adds one line of the agent's own (such as where a start begins). */
    public synchronized void note(String line) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, line + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** The last {@code count} lines, from the older part too when the current one is short. */
    public synchronized List<String> tail(int count) {
        try {
            List<String> recent = Tail.lines(file, count);
            if (recent.size() >= count) {
                return recent;
            }
            List<String> lines = new ArrayList<>(Tail.lines(older(), count - recent.size()));
            lines.addAll(recent);
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    public synchronized void delete() {
        try {
            Files.deleteIfExists(file);
            Files.deleteIfExists(older());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + file + ": " + e.getMessage(), e);
        }
    }
}
