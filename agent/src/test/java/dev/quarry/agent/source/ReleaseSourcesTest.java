package dev.quarry.agent.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.agent.home.AgentHome;
import dev.quarry.testsupport.Commands;
import dev.quarry.testsupport.Folders;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/** receive-source: a release's tar stream unpacked whole, or refused with nothing left on disk. */
class ReleaseSourcesTest {
    @TempDir
    Path temp;

    private AgentHome home;
    private ReleaseSources sources;

    @BeforeEach
    void makeHome() {
        home = new AgentHome(temp.resolve("home"));
        sources = new ReleaseSources(home, SourceLimits.DEFAULT);
    }

    @Test
    void aFolderSentByTheClientArrivesWholeWithItsModesAndLinks() throws IOException {
        Path folder = Files.createDirectories(temp.resolve("app/bin"));
        Files.writeString(folder.resolve("server"), "#!/bin/sh\necho hi\n");
        Files.setPosixFilePermissions(folder.resolve("server"), PosixFilePermissions.fromString("rwxr-xr-x"));
        Path deep = Files.createDirectories(temp.resolve("app/" + "nested-folder/".repeat(8)));
        Files.writeString(deep.resolve("a-file-with-a-name-long-enough-to-need-a-pax-header.txt"), "deep");
        Files.createSymbolicLink(temp.resolve("app/run"), Path.of("bin/server"));

        ReceivedSource received = sources.receive("shop", 3, tarOf(temp.resolve("app")));

        Path release = home.source("shop", 3);
        assertEquals(2, received.files());
        assertEquals(Folders.listRecursively(temp.resolve("app")), Folders.listRecursively(release));
        assertTrue(Files.isExecutable(release.resolve("bin/server")));
        assertEquals(Path.of("bin/server"), Files.readSymbolicLink(release.resolve("run")));
        assertEquals(List.of("3"), leftovers(), "no temporary folder is left");
    }

    @ParameterizedTest(name = "tar --format={0}")
    @ValueSource(strings = {"gnu", "pax", "ustar"})
    void anArchiveMadeByGnuTarIsRead(String format) throws IOException {
        Path app = Files.createDirectories(temp.resolve("app"));
        Files.writeString(app.resolve("index.html"), "hello");
        Path sub = Files.createDirectories(app.resolve("a".repeat(60)).resolve("b".repeat(30)));
        Files.writeString(sub.resolve("c".repeat(40)), "long");
        Path archive = temp.resolve("app.tar");
        Commands.run(List.of("tar", "--format=" + format, "-C", app.toString(), "-cf", archive.toString(), "."), temp,
                Map.of()).requireSuccess();

        sources.receive("shop", 4, Files.newInputStream(archive));

        assertEquals(Folders.listRecursively(app), Folders.listRecursively(home.source("shop", 4)));
    }

    @Test
    void aReleaseAlreadyHereIsKeptAsItWas() throws IOException {
        Files.createDirectories(temp.resolve("first"));
        Files.writeString(temp.resolve("first/version"), "1");
        sources.receive("shop", 3, tarOf(temp.resolve("first")));
        Files.createDirectories(temp.resolve("second"));
        Files.writeString(temp.resolve("second/version"), "2");

        ReceivedSource again = sources.receive("shop", 3, tarOf(temp.resolve("second")));

        assertTrue(again.alreadyPresent());
        assertEquals("1", Files.readString(home.source("shop", 3).resolve("version")));
    }

    @Test
    void removeReleaseDeletesTheSourceButNotWhatALinkPointsTo() throws IOException {
        Path outside = Files.writeString(temp.resolve("precious"), "keep me");
        Files.createDirectories(temp.resolve("app"));
        Files.writeString(temp.resolve("app/index.html"), "hello");
        sources.receive("shop", 3, tarOf(temp.resolve("app")));
        Files.createSymbolicLink(home.source("shop", 3).resolve("planted"), outside);

        assertTrue(sources.remove("shop", 3));
        assertFalse(sources.remove("shop", 3), "removing it again is fine");
        assertEquals("keep me", Files.readString(outside));
        assertEquals(List.of(), Folders.listRecursively(home.stackSources("shop")));
    }

    static ByteArrayInputStream tarOf(Path folder) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        TarWriter.writeFolder(folder, bytes);
        return new ByteArrayInputStream(bytes.toByteArray());
    }

    private List<String> leftovers() {
        return Folders.listRecursively(home.stackSources("shop")).stream().filter(name -> !name.contains("/")).toList();
    }
}
