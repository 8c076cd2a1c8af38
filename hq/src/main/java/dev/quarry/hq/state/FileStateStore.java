package dev.quarry.hq.state;

import dev.quarry.files.AtomicFiles;
import java.io.IOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;

/**
 * The state store as plain folders and files under QUARRY_HOME: key {@code stacks/shop/stack.json} is
 * the file of that path. Each file carries its revision, length and checksum ({@link StateFileFormat})
 * and is replaced atomically ({@link AtomicFiles}); env values are mode 0600 in 0700 folders
 * ({@link StateKey#isSecret}). One HQ process owns a home at a time (HQ holds a
 * lock on it), so compare-and-set needs only this process's lock.
 */
public final class FileStateStore implements StateStore {
    private final Path root;
    private final ReentrantLock writes = new ReentrantLock();

    public FileStateStore(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    /** The file a key is kept in. */
    public Path file(StateKey key) {
        Path path = root;
        for (String segment : key.segments()) {
            path = path.resolve(segment);
        }
        return path;
    }

    /**
     * Sets every env file already on disk to mode 0600 in a 0700 folder, as {@link #write} makes new ones:
     * a home from before env values were kept secret is protected at HQ's start.
     */
    public void protectSecrets() throws IOException {
        Path stacks = root.resolve("stacks");
        if (!Files.isDirectory(stacks)) {
            return;
        }
        try (Stream<Path> files = Files.walk(stacks, 4)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                List<String> segments = new java.util.ArrayList<>();
                root.relativize(file).forEach(segment -> segments.add(segment.toString()));
                if (segments.stream().allMatch(StateKey::isSegment) && new StateKey(segments).isSecret()) {
                    Files.setPosixFilePermissions(file.getParent(), AtomicFiles.SECRET_FOLDER);
                    Files.setPosixFilePermissions(file, AtomicFiles.SECRET_FILE);
                }
            }
        }
    }

    @Override
    public Optional<Versioned> read(StateKey key) {
        Path file = file(key);
        if (Files.isDirectory(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(StateFileFormat.decode(file, Files.readAllBytes(file)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new StateException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public long write(StateKey key, long expectedRevision, byte[] value) {
        writes.lock();
        try {
            long current = currentRevision(key);
            if (current != expectedRevision) {
                throw new StateConflictException(key, expectedRevision, current);
            }
            long next = current + 1;
            Path file = file(key);
            try {
                byte[] encoded = StateFileFormat.encode(next, value);
                if (key.isSecret()) {
                    AtomicFiles.writeSecret(file, encoded);
                } else {
                    AtomicFiles.write(file, encoded);
                }
            } catch (IOException e) {
                throw new StateException("cannot write " + file + ": " + e.getMessage()
                        + "; check the disk has room and HQ may write there", e);
            }
            return next;
        } finally {
            writes.unlock();
        }
    }

    @Override
    public void delete(StateKey key, long expectedRevision) {
        writes.lock();
        try {
            long current = currentRevision(key);
            if (current != expectedRevision || current == ABSENT) {
                throw new StateConflictException(key, expectedRevision, current);
            }
            Path file = file(key);
            try {
                Files.delete(file);
                AtomicFiles.syncFolder(file.getParent());
                pruneEmptyFolders(file.getParent());
            } catch (IOException e) {
                throw new StateException("cannot delete " + file + ": " + e.getMessage(), e);
            }
        } finally {
            writes.unlock();
        }
    }

    @Override
    public List<String> children(StateKey parent) {
        Path folder = file(parent);
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.map(path -> path.getFileName().toString()).filter(StateKey::isSegment).sorted().toList();
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            throw new StateException("cannot list " + folder + ": " + e.getMessage(), e);
        }
    }

    private long currentRevision(StateKey key) {
        return read(key).map(Versioned::revision).orElse(ABSENT);
    }

    /** Removes folders a delete left empty, up to (not including) the top-level folders such as stacks/. */
    private void pruneEmptyFolders(Path folder) throws IOException {
        Path current = folder;
        while (current.startsWith(root) && root.relativize(current).getNameCount() > 1) {
            try {
                Files.delete(current);
            } catch (DirectoryNotEmptyException | NoSuchFileException e) {
                return;
            }
            AtomicFiles.syncFolder(current.getParent());
            current = current.getParent();
        }
    }
}
