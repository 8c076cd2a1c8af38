package dev.quarry.hq.state;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.UUID;

/**
 * Writes a file so that a crash leaves either the old content or the new, never a mix: a temporary
 * file in the same folder, fsync, rename over the target, fsync of the folder.
 */
public final class AtomicFiles {
    private AtomicFiles() {}

    /** Replaces {@code file} with {@code bytes} atomically, making missing parent folders durably. */
    public static void write(Path file, byte[] bytes) throws IOException {
        Path folder = file.toAbsolutePath().getParent();
        createFolders(folder);
        Path temporary = folder.resolve("." + file.getFileName() + ".tmp-" + UUID.randomUUID());
        try {
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            syncFolder(folder);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /** Creates {@code folder} and its missing parents, syncing each parent that gained an entry. */
    public static void createFolders(Path folder) throws IOException {
        Deque<Path> missing = new ArrayDeque<>();
        for (Path path = folder.toAbsolutePath(); path != null && !Files.isDirectory(path); path = path.getParent()) {
            missing.push(path);
        }
        while (!missing.isEmpty()) {
            Path created = missing.pop();
            Files.createDirectories(created);
            syncFolder(created.getParent());
        }
    }

    /** Makes a folder's entries (created, renamed, deleted files) durable. */
    public static void syncFolder(Path folder) throws IOException {
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }
}
