package dev.quarry.hq.build;

import dev.quarry.files.AtomicFiles;
import java.io.BufferedOutputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The built releases HQ keeps, one per build key: {@code stacks/APP/build/artifacts/KEY.tar} (the release's
 * source with what its build made, as one server's build left it) and {@code KEY} (its release, SHA-256 and
 * size). Made once from the server that built it and shipped from here to every other server that runs a
 * release of that key. The {@value #KEPT} most recently used of a stack are kept; files 0600 in 0700 folders (a
 * build may write its env into what it makes).
 */
public final class BuildStore {
    static final int KEPT = 5;
    private static final Logger LOG = LoggerFactory.getLogger(BuildStore.class);

    /** Writes a build's tar stream. */
    @FunctionalInterface
    public interface TarSource {
        void writeTo(OutputStream tar);
    }

    private final Path stacks;

    /** @param stacks the home's {@code stacks/} folder */
    public BuildStore(Path stacks) {
        this.stacks = stacks;
    }

    /** The store of the stack whose live source link is {@code source} ({@code stacks/APP/src}). */
    public static BuildStore besideSource(Path source) {
        return new BuildStore(source.toAbsolutePath().getParent().getParent());
    }

    /** The build of {@code key}, if HQ keeps it whole. */
    public Optional<StoredBuild> find(String stack, String key) {
        Path record = folder(stack).resolve(checked(key));
        Path tar = tar(stack, key);
        try {
            if (!Files.isRegularFile(record) || !Files.isRegularFile(tar)) {
                return Optional.empty();
            }
            StoredBuild stored = StoredBuild.parse(key, Files.readString(record, StandardCharsets.UTF_8));
            if (Files.size(tar) != stored.bytes()) {
                return Optional.empty();
            }
            Files.setLastModifiedTime(tar, FileTime.from(Instant.now()));
            return Optional.of(stored);
        } catch (IOException | IllegalArgumentException e) {
            LOG.warn("cannot read the kept build {} of {}: {}", key, stack, e.getMessage());
            return Optional.empty();
        }
    }

    /** The tar file of {@code key}'s build (see {@link #find}). */
    public Path tar(String stack, String key) {
        return folder(stack).resolve(checked(key) + ".tar");
    }

    /**
     * Keeps what {@code source} writes as {@code key}'s build, made by {@code release}: written to a hidden part
     * file while its SHA-256 is taken, then put in place atomically, its record last.
     */
    public StoredBuild keep(String stack, String key, int release, TarSource source) {
        Path folder = folder(stack);
        Path part = folder.resolve("." + checked(key) + ".tar.part");
        try {
            Files.createDirectories(folder.getParent());
            AtomicFiles.createSecretFolder(folder);
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            Files.deleteIfExists(part);
            Files.createFile(part, PosixFilePermissions.asFileAttribute(AtomicFiles.SECRET_FILE));
            try (FileOutputStream file = new FileOutputStream(part.toFile());
                    OutputStream out = new DigestOutputStream(new BufferedOutputStream(file, 1 << 16), digest)) {
                source.writeTo(out);
                out.flush();
                file.getFD().sync();
            }
            StoredBuild stored = new StoredBuild(key, release, HexFormat.of().formatHex(digest.digest()),
                    Files.size(part));
            Files.move(part, tar(stack, key), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            AtomicFiles.writeSecret(folder.resolve(key), stored.recordLine().getBytes(StandardCharsets.UTF_8));
            prune(folder);
            return stored;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the build " + key + " of " + stack + " in " + folder + ": "
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this Java has no SHA-256", e);
        } finally {
            deleteQuietly(part);
        }
    }

    private static void prune(Path folder) throws IOException {
        List<Path> tars;
        try (Stream<Path> files = Files.list(folder)) {
            tars = files.filter(file -> file.getFileName().toString().matches("[0-9a-f]{64}\\.tar"))
                    .sorted(Comparator.comparing(BuildStore::modified).reversed()).toList();
        }
        for (Path stale : tars.subList(Math.min(KEPT, tars.size()), tars.size())) {
            String key = stale.getFileName().toString().substring(0, 64);
            Files.deleteIfExists(folder.resolve(key));
            Files.deleteIfExists(stale);
        }
    }

    private static FileTime modified(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warn("cannot delete {}: {}", file, e.getMessage());
        }
    }

    private Path folder(String stack) {
        if (!stack.matches("[a-z0-9][a-z0-9-]{0,62}")) {
            throw new IllegalArgumentException("no builds for " + stack);
        }
        return stacks.resolve(stack).resolve("build").resolve("artifacts");
    }

    private static String checked(String key) {
        if (key == null || !key.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("not a build key: " + key);
        }
        return key;
    }
}
