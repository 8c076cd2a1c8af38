package dev.quarry.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Atomic writes on the real file system: the content lands whole, no temporary file is left behind. */
class AtomicFilesTest {
    @TempDir
    Path folder;

    @Test
    void replacesAFileAndMakesItsFolders() throws Exception {
        Path file = folder.resolve("a/b/state.json");

        AtomicFiles.write(file, "one".getBytes(StandardCharsets.UTF_8));
        AtomicFiles.write(file, "two".getBytes(StandardCharsets.UTF_8));

        assertEquals("two", Files.readString(file));
        try (Stream<Path> files = Files.list(file.getParent())) {
            assertEquals(List.of(file), files.toList(), "no temporary file is left");
        }
    }

    @Test
    void aSecretIsMode0600InAFolderOfMode0700AndReplacesAReadableFile() throws Exception {
        Path file = folder.resolve("env/shop");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "OLD=1");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        AtomicFiles.writeSecret(file, "TOKEN=s3cret".getBytes(StandardCharsets.UTF_8));

        assertEquals("TOKEN=s3cret", Files.readString(file));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())));
    }

    @Test
    void writeNewRefusesAFileThatExists() throws Exception {
        Path file = Files.writeString(folder.resolve("taken"), "x");

        assertThrows(FileAlreadyExistsException.class, () -> AtomicFiles.writeNew(file, new byte[] {1}));
        assertEquals("x", Files.readString(file));
    }

    @Test
    void repointsASymlinkInOneStep() throws Exception {
        Path first = Files.createDirectories(folder.resolve("generations/1"));
        Path second = Files.createDirectories(folder.resolve("generations/2"));
        Path live = folder.resolve("live");

        AtomicFiles.replaceSymlink(live, folder.relativize(first));
        AtomicFiles.replaceSymlink(live, folder.relativize(second));

        assertEquals(folder.relativize(second), Files.readSymbolicLink(live));
    }

    @Test
    void deleteFolderRemovesTheTreeAndLeavesNothingBeside() throws Exception {
        Path doomed = folder.resolve("servers/s3");
        AtomicFiles.write(doomed.resolve("agent/state.json"), "x".getBytes(StandardCharsets.UTF_8));
        Files.writeString(folder.resolve("servers/keep"), "kept");

        AtomicFiles.deleteFolder(doomed);
        AtomicFiles.deleteFolder(doomed);

        try (Stream<Path> files = Files.list(folder.resolve("servers"))) {
            assertEquals(List.of(folder.resolve("servers/keep")), files.toList());
        }
    }

    @Test
    void deleteTreeRemovesEverythingButFollowsNoSymlink() throws Exception {
        Path outside = Files.writeString(folder.resolve("outside.txt"), "stays");
        Path tree = folder.resolve("tmp/push-1");
        AtomicFiles.write(tree.resolve("repo.git/objects/pack/pack-1.pack"), new byte[] {1, 2});
        Files.createSymbolicLink(tree.resolve("repo.git/link"), outside);
        Files.createSymbolicLink(tree.resolve("folder-link"), folder);

        AtomicFiles.deleteTree(tree);
        AtomicFiles.deleteTree(tree);

        assertEquals(false, Files.exists(tree, java.nio.file.LinkOption.NOFOLLOW_LINKS));
        assertEquals("stays", Files.readString(outside));
    }
}
