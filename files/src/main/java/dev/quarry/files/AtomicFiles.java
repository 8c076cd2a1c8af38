package dev.quarry.files;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;
import java.util.UUID;

/**
 * Writes that a crash cannot tear: the new content goes to a temporary file beside the target, is
 * forced to disk, renamed over the target in one step, and the folder entry is forced too.
 */
public final class AtomicFiles {
    /** A secret file's mode: read and write for its owner only. */
    public static final Set<PosixFilePermission> SECRET_FILE = PosixFilePermissions.fromString("rw-------");
    /** A secret folder's mode: its owner only. */
    public static final Set<PosixFilePermission> SECRET_FOLDER = PosixFilePermissions.fromString("rwx------");

    private AtomicFiles() {}

    /**
     * Replaces {@code file} with {@code bytes} atomically as {@link #write} does, the file mode 0600 from the
     * moment it exists and its folder (made if missing) mode 0700: for env values, keys and tokens.
     */
    public static void writeSecret(Path file, byte[] bytes) throws IOException {
        Path folder = file.toAbsolutePath().getParent();
        createSecretFolder(folder);
        Path temporary = folder.resolve("." + file.getFileName() + ".tmp-" + UUID.randomUUID());
        try {
            writeNew(temporary, bytes, PosixFilePermissions.asFileAttribute(SECRET_FILE));
            move(temporary, file);
            syncFolder(folder);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /** Makes {@code folder} (and missing parents) and sets the folder itself to mode 0700. */
    public static void createSecretFolder(Path folder) throws IOException {
        createFolders(folder);
        Files.setPosixFilePermissions(folder, SECRET_FOLDER);
    }

    /** Replaces {@code file} with {@code bytes} atomically, making missing parent folders durably. */
    public static void write(Path file, byte[] bytes) throws IOException {
        Path folder = file.toAbsolutePath().getParent();
        createFolders(folder);
        Path temporary = folder.resolve("." + file.getFileName() + ".tmp-" + UUID.randomUUID());
        try {
            writeNew(temporary, bytes);
            move(temporary, file);
            syncFolder(folder);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /** Writes a file that must not exist yet and forces it to disk (its folder entry is the caller's to sync). */
    public static void writeNew(Path file, byte[] bytes) throws IOException {
        writeNew(file, bytes, new FileAttribute<?>[0]);
    }

    private static void writeNew(Path file, byte[] bytes, FileAttribute<?>... attributes) throws IOException {
        try (FileChannel channel = FileChannel.open(file, Set.of(StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE), attributes)) {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        }
    }

    /** Points {@code link} at {@code target} in one step: a new symlink renamed over the old one. */
    public static void replaceSymlink(Path link, Path target) throws IOException {
        Path temporary = link.resolveSibling(link.getFileName() + ".next");
        Files.deleteIfExists(temporary);
        Files.createSymbolicLink(temporary, target);
        move(temporary, link);
        syncFolder(link.toAbsolutePath().getParent());
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

    /**
     * Removes a folder and everything in it so that it disappears in one step: it is renamed to a hidden
     * sibling first (durably), then that is deleted. A crash leaves either the folder or a hidden leftover.
     * A folder that does not exist is fine.
     */
    public static void deleteFolder(Path folder) throws IOException {
        if (!Files.exists(folder, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Path parent = folder.toAbsolutePath().getParent();
        Path doomed = parent.resolve("." + folder.getFileName() + ".removed-" + UUID.randomUUID());
        move(folder, doomed);
        syncFolder(parent);
        deleteTree(doomed);
    }

    /**
     * Deletes a folder and everything in it, without following symbolic links. Entries that vanish
     * meanwhile are fine; a folder that gains an entry while it is emptied is emptied again (up to 3
     * times), so the folder is gone when this returns or an exception says why. A missing folder is fine.
     */
    public static void deleteTree(Path root) throws IOException {
        for (int attempt = 1; ; attempt++) {
            try {
                deleteTreeOnce(root);
                return;
            } catch (DirectoryNotEmptyException e) {
                if (attempt == 3) {
                    throw e;
                }
            }
        }
    }

    private static void deleteTreeOnce(Path root) throws IOException {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes)
                    throws IOException {
                Files.deleteIfExists(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                if (e instanceof NoSuchFileException) {
                    return FileVisitResult.CONTINUE;
                }
                throw e;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path folder, IOException e) throws IOException {
                if (e != null && !(e instanceof NoSuchFileException)) {
                    throw e;
                }
                Files.deleteIfExists(folder);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /** Makes a folder's entries (created, renamed, deleted files) durable. */
    public static void syncFolder(Path folder) throws IOException {
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException(to + ": cannot be replaced atomically on this file system; keep it on one local"
                    + " file system", e);
        }
    }
}
