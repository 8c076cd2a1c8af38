package dev.quarry.agent.source;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Unpacks a tar stream into an empty folder, refusing whatever could reach outside it: absolute
 * paths, {@code ..}, entries through symlinks, symlinks that point (or resolve) outside, hard links,
 * devices and fifos; and archives past the size or entry limits.
 */
final class SafeUnpacker {
    private final Path root;
    private final SourceLimits limits;
    private final Set<Path> checkedFolders = new HashSet<>();
    private final Set<Path> symlinks = new HashSet<>();
    private long bytes;
    private int files;
    private int entries;

    SafeUnpacker(Path root, SourceLimits limits) {
        this.root = root;
        this.limits = limits;
        checkedFolders.add(root);
    }

    /** Unpacks everything; answers how many files and bytes. */
    ReceivedCounts unpack(InputStream tar) throws IOException {
        TarReader reader = new TarReader(tar);
        Optional<TarEntry> next;
        while ((next = reader.next()).isPresent()) {
            if (++entries > limits.entries()) {
                throw new UnsafeEntryException("more than " + limits.entries() + " entries");
            }
            place(next.get(), reader.content());
        }
        for (Path link : symlinks) {
            SymlinkCheck.resolvesInside(root, link);
        }
        return new ReceivedCounts(files, bytes);
    }

    private void place(TarEntry entry, InputStream content) throws IOException {
        Optional<Path> target = EntryPaths.resolve(root, entry.name());
        if (target.isEmpty()) {
            return;
        }
        Path path = target.get();
        requireRealParents(path, entry.name());
        switch (entry.type()) {
            case TarEntry.FOLDER -> folder(path, entry.mode());
            case TarEntry.SYMLINK -> symlink(path, entry);
            case TarEntry.FILE, TarEntry.OLD_FILE, TarEntry.CONTIGUOUS_FILE -> file(path, entry, content);
            case TarEntry.HARD_LINK -> throw new UnsafeEntryException("\"" + entry.name()
                    + "\" is a hard link; send a copy of the file instead");
            case TarEntry.CHARACTER_DEVICE, TarEntry.BLOCK_DEVICE, TarEntry.FIFO -> throw new UnsafeEntryException(
                    "\"" + entry.name() + "\" is a device or fifo; a release holds only files, folders and symlinks");
            default -> throw new UnsafeEntryException("\"" + entry.name() + "\" has tar type '" + entry.type()
                    + "', which the agent does not unpack; send files, folders and symlinks");
        }
    }

    /** Every folder between the root and the entry must be a real folder, not a symlink. */
    private void requireRealParents(Path path, String name) throws IOException {
        Path parent = path.getParent();
        if (checkedFolders.contains(parent)) {
            return;
        }
        for (Path at = parent; at != null && !at.equals(root); at = at.getParent()) {
            if (Files.isSymbolicLink(at)) {
                throw new UnsafeEntryException("\"" + name + "\" goes through the symlink \"" + root.relativize(at)
                        + "\"; an archive may not write through its own links");
            }
        }
        Files.createDirectories(parent);
        checkedFolders.add(parent);
    }

    private void folder(Path path, int mode) throws IOException {
        if (Files.isSymbolicLink(path)) {
            throw new UnsafeEntryException("\"" + root.relativize(path) + "\" is a symlink and a folder");
        }
        Files.createDirectories(path);
        Files.setPosixFilePermissions(path, permissions(mode | 0700));
        checkedFolders.add(path);
    }

    private void symlink(Path path, TarEntry entry) throws IOException {
        SymlinkCheck.pointsInside(root, path, entry.name(), entry.linkName());
        if (checkedFolders.contains(path) || Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
            throw new UnsafeEntryException("\"" + entry.name() + "\" is both a folder and a symlink");
        }
        Files.deleteIfExists(path);
        Files.createSymbolicLink(path, Path.of(entry.linkName()));
        symlinks.add(path);
    }

    private void file(Path path, TarEntry entry, InputStream content) throws IOException {
        bytes += entry.size();
        if (bytes > limits.bytes()) {
            throw new UnsafeEntryException("more than " + limits.bytes() + " bytes of content");
        }
        if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
            throw new UnsafeEntryException("\"" + entry.name() + "\" is both a folder and a file");
        }
        Files.deleteIfExists(path);
        try (OutputStream out = Files.newOutputStream(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                LinkOption.NOFOLLOW_LINKS)) {
            content.transferTo(out);
        }
        Files.setPosixFilePermissions(path, permissions(entry.mode() | 0600));
        files++;
    }

    /** The permission bits only: set-user-id, set-group-id and sticky bits are dropped. */
    private static Set<PosixFilePermission> permissions(int mode) {
        Set<PosixFilePermission> permissions = EnumSet.noneOf(PosixFilePermission.class);
        for (PosixFilePermission permission : PosixFilePermission.values()) {
            if ((mode & (0400 >> permission.ordinal())) != 0) {
                permissions.add(permission);
            }
        }
        return permissions;
    }
}
