package dev.quarry.agent.source;

import dev.quarry.agent.home.AgentHome;
import dev.quarry.agent.runtime.RuntimeFailure;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The release sources under {@code sources/STACK/RELEASE/}: received whole or not at all (unpacked
 * into a hidden temporary folder, then renamed into place), never changed after, removed on request.
 */
public final class ReleaseSources {
    private final AgentHome home;
    private final SourceLimits limits;

    public ReleaseSources(AgentHome home, SourceLimits limits) {
        this.home = home;
        this.limits = limits;
    }

    /** The agent's home the sources are in. */
    public AgentHome home() {
        return home;
    }

    /** Unpacks {@code tar} as the release's source, unless the release is already here (then it is kept). */
    public ReceivedSource receive(String stack, int release, InputStream tar) {
        Path target = home.source(stack, release);
        if (Files.isDirectory(target)) {
            return new ReceivedSource(stack, release, 0, 0, true);
        }
        Path incoming = null;
        try {
            Path stackFolder = Files.createDirectories(home.stackSources(stack));
            incoming = Files.createTempDirectory(stackFolder, ".incoming-" + release + "-");
            ReceivedCounts counts = new SafeUnpacker(incoming.toRealPath(), limits).unpack(tar);
            Files.move(incoming, target, StandardCopyOption.ATOMIC_MOVE);
            incoming = null;
            return new ReceivedSource(stack, release, counts.files(), counts.bytes(), false);
        } catch (FileAlreadyExistsException | DirectoryNotEmptyException e) {
            return new ReceivedSource(stack, release, 0, 0, true);
        } catch (UnsafeEntryException | TarFormatException e) {
            throw new RuntimeFailure("refused the source of " + stack + " release " + release + ": " + e.getMessage()
                    + "; nothing was kept");
        } catch (AtomicMoveNotSupportedException e) {
            throw new RuntimeFailure("cannot move the source of " + stack + " release " + release + " into place: "
                    + "keep " + home.sources() + " on one file system", e);
        } catch (IOException e) {
            throw new RuntimeFailure("cannot receive the source of " + stack + " release " + release + ": "
                    + RuntimeFailure.firstLine(e) + "; nothing was kept", e);
        } finally {
            deleteTree(incoming);
        }
    }

    /**
     * Unpacks {@code tar} into the empty folder {@code into} with a source's checks and limits (a built release
     * another server made); {@code what} names it in a refusal. On a refusal the caller deletes {@code into}.
     */
    public void unpack(Path into, InputStream tar, String what) {
        try {
            new SafeUnpacker(into.toRealPath(), limits).unpack(tar);
        } catch (UnsafeEntryException | TarFormatException e) {
            throw new RuntimeFailure("refused " + what + ": " + e.getMessage() + "; nothing was kept");
        } catch (IOException e) {
            throw new RuntimeFailure("cannot receive " + what + ": " + RuntimeFailure.firstLine(e)
                    + "; nothing was kept", e);
        }
    }

    /** Deletes the release's source; answers whether there was one. */
    public boolean remove(String stack, int release) {
        Path target = home.source(stack, release);
        if (!Files.exists(target)) {
            return false;
        }
        try {
            Path doomed = home.stackSources(stack).resolve(".removing-" + release + "-" + System.nanoTime());
            Files.move(target, doomed, StandardCopyOption.ATOMIC_MOVE);
            deleteTree(doomed);
            return true;
        } catch (IOException e) {
            throw new RuntimeFailure("cannot remove the source of " + stack + " release " + release + " ("
                    + target + "): " + RuntimeFailure.firstLine(e), e);
        }
    }

    public boolean has(String stack, int release) {
        return Files.isDirectory(home.source(stack, release));
    }

    /** Deletes a tree without following symlinks (a link is removed, never what it points to). */
    private static void deleteTree(Path root) {
        if (root == null || !Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new RuntimeFailure("cannot delete " + root + ": " + RuntimeFailure.firstLine(e), e);
        }
    }
}
