package dev.quarry.hq.lock;

import dev.quarry.files.AtomicFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.UUID;

/**
 * One lock file naming its owner. It is created whole or not at all (written aside, then hard-linked
 * into place, which fails if the file exists), so a reader never sees a half-written owner.
 *
 * @param path the lock file
 */
record LockFile(Path path) {
    /** Creates the file for {@code owner}; false when it already exists. */
    boolean create(LockOwner owner) {
        Path temporary = path.resolveSibling("." + path.getFileName() + "-" + UUID.randomUUID());
        try {
            AtomicFiles.write(temporary, owner.toText().getBytes(StandardCharsets.UTF_8));
            Files.createLink(path, temporary);
            AtomicFiles.syncFolder(path.getParent());
            return true;
        } catch (FileAlreadyExistsException e) {
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the deploy lock " + path + ": " + e.getMessage(), e);
        } finally {
            deleteQuietly(temporary);
        }
    }

    /** The owner, or empty when there is no file or it does not name one. */
    Optional<LockOwner> owner() {
        try {
            return LockOwner.fromText(Files.readString(path, StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the deploy lock " + path + ": " + e.getMessage(), e);
        }
    }

    /** Deletes the file if it still names {@code expected} (empty: if it names no one); true when it did. */
    boolean deleteIf(Optional<LockOwner> expected) {
        if (!owner().equals(expected)) {
            return false;
        }
        try {
            Files.deleteIfExists(path);
            AtomicFiles.syncFolder(path.getParent());
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove the deploy lock " + path + ": " + e.getMessage(), e);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a leftover temporary file is harmless
        }
    }
}
