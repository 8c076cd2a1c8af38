package dev.quarry.agent.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.agent.home.AgentHome;
import dev.quarry.agent.runtime.RuntimeFailure;
import dev.quarry.testsupport.Folders;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Archives that try to reach outside the release are refused, and leave nothing on disk. */
class HostileArchiveTest {
    @TempDir
    Path temp;

    private AgentHome home;
    private Path outside;

    @BeforeEach
    void makeHome() throws IOException {
        home = new AgentHome(temp.resolve("agent/home"));
        outside = Files.createDirectories(temp.resolve("agent/outside"));
        Files.writeString(outside.resolve("secret"), "not for the release");
    }

    /** An archive holding one harmless file, then {@code hostile}, then another harmless file. */
    private interface Hostile {
        void write(TarWriter tar) throws IOException;
    }

    static Stream<Arguments> hostileArchives() {
        return Stream.of(
                Arguments.of("a parent path", (Hostile) tar -> file(tar, "../escape"),
                        "\"../escape\" holds \"..\"; an archive's paths must stay in the release"),
                Arguments.of("a parent path deeper in", (Hostile) tar -> file(tar, "www/../../../escape"),
                        "\"www/../../../escape\" holds \"..\""),
                Arguments.of("an absolute path", (Hostile) tar -> file(tar, "/tmp/escape"),
                        "\"/tmp/escape\" is an absolute path; an archive's paths must be relative"),
                Arguments.of("a symlink out", (Hostile) tar -> link(tar, "out", "../../outside/secret"),
                        "the symlink \"out\" points to \"../../outside/secret\", outside the release"),
                Arguments.of("an absolute symlink", (Hostile) tar -> link(tar, "out", "/etc/passwd"),
                        "the symlink \"out\" points to \"/etc/passwd\"; a release's symlinks must be relative"),
                Arguments.of("a write through a symlink", (Hostile) tar -> {
                    link(tar, "here", ".");
                    file(tar, "here/through");
                }, "\"here/through\" goes through the symlink \"here\""),
                Arguments.of("a symlink out through another", (Hostile) tar -> {
                    link(tar, "here", ".");
                    link(tar, "sneaky", "here/../../outside/secret");
                }, "the symlink \"sneaky\" points to \"here/../../outside/secret\", outside the release"),
                Arguments.of("a symlink resolving out", (Hostile) tar -> {
                    tar.entry("www/", TarEntry.FOLDER, 0755, 0, "", null);
                    link(tar, "www/up", "..");
                    link(tar, "sneaky", "www/up/../outside/secret");
                }, "the symlink \"sneaky\""),
                Arguments.of("a device", (Hostile) tar -> tar.entry("dev-null", TarEntry.CHARACTER_DEVICE, 0666, 0, "",
                        null), "\"dev-null\" is a device or fifo"),
                Arguments.of("a hard link", (Hostile) tar -> tar.entry("hard", TarEntry.HARD_LINK, 0644, 0,
                        "/etc/passwd", null), "\"hard\" is a hard link"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileArchives")
    void isRefusedAndLeavesNothing(String name, Hostile hostile, String reason) throws IOException {
        ReleaseSources sources = new ReleaseSources(home, SourceLimits.DEFAULT);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        TarWriter tar = new TarWriter(bytes);
        file(tar, "index.html");
        hostile.write(tar);
        file(tar, "later.html");
        tar.finish();

        RuntimeFailure refused = assertThrows(RuntimeFailure.class,
                () -> sources.receive("shop", 3, new ByteArrayInputStream(bytes.toByteArray())));

        assertTrue(refused.getMessage().startsWith("refused the source of shop release 3: " + reason),
                refused.getMessage());
        assertTrue(refused.getMessage().endsWith("; nothing was kept"));
        assertFalse(sources.has("shop", 3));
        assertEquals(List.of(), Folders.listRecursively(home.stackSources("shop")), "no temporary folder is left");
        assertEquals(List.of("secret"), Folders.listRecursively(outside));
        assertEquals(List.of("agent", "agent/home", "agent/home/sources", "agent/home/sources/shop", "agent/outside",
                "agent/outside/secret"), Folders.listRecursively(temp));
    }

    private static void file(TarWriter tar, String name) throws IOException {
        byte[] content = ("content of " + name + "\n").getBytes(StandardCharsets.UTF_8);
        tar.entry(name, TarEntry.FILE, 0644, content.length, "", new ByteArrayInputStream(content));
    }

    private static void link(TarWriter tar, String name, String target) throws IOException {
        tar.entry(name, TarEntry.SYMLINK, 0777, 0, target, null);
    }
}
