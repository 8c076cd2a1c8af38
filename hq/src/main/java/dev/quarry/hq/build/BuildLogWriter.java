package dev.quarry.hq.build;

import dev.quarry.files.AtomicFiles;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One build's log being written as its lines arrive, into a hidden part file; {@link #finish} puts it in place
 * atomically. At most {@value #MOST_BYTES} bytes are kept (then one line says the rest was cut). Never fails the
 * build it records: a log that cannot be written is logged and dropped. Mode 0600 in a 0700 folder: a build
 * may print its env.
 */
public final class BuildLogWriter {
    static final long MOST_BYTES = 16L * 1024 * 1024;
    private static final Logger LOG = LoggerFactory.getLogger(BuildLogWriter.class);

    private final Path folder;
    private final String name;
    private BufferedWriter writer;
    private long written;
    private boolean broken;

    BuildLogWriter(Path folder, String name) {
        this.folder = folder;
        this.name = name;
    }

    /** Appends one line. */
    public synchronized void line(String text) {
        if (broken || written > MOST_BYTES) {
            return;
        }
        try {
            open();
            String line = written + text.length() > MOST_BYTES ? "(the rest of the build's output was cut at "
                    + MOST_BYTES / (1024 * 1024) + " MiB)" : text;
            writer.write(line);
            writer.write('\n');
            written += text.length() + 1;
        } catch (IOException e) {
            drop(e);
        }
    }

    /** Puts the log in place when a build ran ({@code ran}: even one that printed nothing), else drops it. */
    public synchronized void finish(boolean ran) {
        if (broken) {
            return;
        }
        try {
            if (!ran && writer == null) {
                return;
            }
            open();
            writer.close();
            try (FileChannel channel = FileChannel.open(part(), StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            Files.move(part(), folder.resolve(name), StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
            AtomicFiles.syncFolder(folder);
        } catch (IOException e) {
            drop(e);
        }
    }

    private void open() throws IOException {
        if (writer == null) {
            Files.createDirectories(folder.getParent());
            AtomicFiles.createSecretFolder(folder);
            writer = Files.newBufferedWriter(part(), StandardCharsets.UTF_8);
            Files.setPosixFilePermissions(part(), AtomicFiles.SECRET_FILE);
        }
    }

    private Path part() {
        return folder.resolve("." + name + ".part");
    }

    private void drop(IOException e) {
        broken = true;
        LOG.warn("cannot keep the build log {} in {}: {}", name, folder, e.getMessage());
        try {
            if (writer != null) {
                writer.close();
            }
            Files.deleteIfExists(part());
        } catch (IOException ignored) {
            // the part file is hidden and replaced by the next build of the release
        }
    }
}
