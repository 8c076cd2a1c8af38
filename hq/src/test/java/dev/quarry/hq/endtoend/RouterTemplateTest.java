package dev.quarry.hq.endtoend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.testsupport.BusyboxImage;
import dev.quarry.testsupport.CommandResult;
import dev.quarry.testsupport.GitWorkTree;
import dev.quarry.testsupport.LoopbackHttp;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The attacks of issue 16 through real pushes to HQ on a real grid: a template is refused from the
 * commit's blobs before anything else happens, and a failed release's template never goes live. After
 * each, HQ's keys and the router's live configuration are unchanged byte for byte.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RouterTemplateTest {
    @TempDir
    static Path root;

    private RunningGrid grid;

    @BeforeAll
    void startGrid() {
        BusyboxImage.requireBusybox();
        grid = RunningGrid.start(root.resolve("grid"), 1);
    }

    @AfterAll
    void stopGrid() {
        if (grid != null) {
            grid.close();
        }
    }

    @Test
    void aTemplateServingFilesIsRefusedByThePush() {
        GitWorkTree app = app("files", "root /;\nautoindex on;\n");

        assertRefused(app, "files", ".quarry/nginx.mustache:1: directive \"root\" is not allowed in a stack template"
                + " (allowed: add_header, ");
    }

    @Test
    void aTemplateWritingALogIntoHqsKeysIsRefusedByThePush() {
        Path key = grid.hq().home().resolve("keys").resolve("x.pub");
        GitWorkTree app = app("logger", "access_log " + key + " combined if=$http_x_k;\n");

        assertRefused(app, "logger", ".quarry/nginx.mustache:1: directive \"access_log\" is not allowed");
        assertFalse(Files.exists(key));
    }

    @Test
    void aTemplateNamingAnotherStacksDomainIsRefusedByThePush() {
        assertRefused(app("thief", "server_name hello.localhost;\n"), "thief",
                ".quarry/nginx.mustache:1: directive \"server_name\" is not allowed");
    }

    @Test
    void aSymbolicLinkTemplateIsRefusedWithOneLine() throws IOException {
        GitWorkTree app = app("linked", "gzip on;\n");
        Path template = app.directory().resolve(".quarry/nginx.mustache");
        Files.delete(template);
        Files.createSymbolicLink(template, Path.of("/dev/zero"));
        app.commit("a link");

        assertRefused(app, "linked", ".quarry/nginx.mustache is a symbolic link (mode 120000); a stack template must be"
                + " a regular UTF-8 file of at most 64 KiB");
    }

    @Test
    void aTemplateOver64KibIsRefusedWithOneLine() {
        GitWorkTree app = app("large", "# padding\n".repeat(7000));

        assertRefused(app, "large", ".quarry/nginx.mustache is 70000 bytes; a stack template must be a regular UTF-8"
                + " file of at most 64 KiB");
    }

    @Test
    void aFailedReleasesTemplateNeverGoesLive() {
        GitWorkTree app = app("steady", "location = /which {\n    return 200 \"one\";\n}\n");
        app.push(RunningHq.url("steady"), "main").requireSuccess();
        assertEquals(new LoopbackHttp.Answer(200, "one"), grid.get("steady.test", "/which"));
        Map<String, String> live = liveRouterFiles();

        app.write("quarry.yml", TestApps.web("steady.test", 1, "/never-there"))
                .write(".quarry/nginx.mustache", "location = /which {\n    return 200 \"two\";\n}\n").commit("unhealthy");
        CommandResult push = app.push(RunningHq.url("steady"), "main");

        assertFalse(push.succeeded(), push.describe());
        assertEquals(live, liveRouterFiles(), "the live configuration is unchanged byte for byte");
        assertEquals(new LoopbackHttp.Answer(200, "one"), grid.get("steady.test", "/which"));
    }

    private void assertRefused(GitWorkTree app, String name, String reasonStart) {
        Map<String, String> keys = files(grid.hq().home().resolve("keys"));
        Map<String, String> live = liveRouterFiles();

        CommandResult push = app.push(RunningHq.url(name), "main");

        assertFalse(push.succeeded(), push.describe());
        assertTrue(GitWorkTree.remoteLines(push).stream().anyMatch(line -> line.startsWith(reasonStart)), push.describe());
        assertEquals(keys, files(grid.hq().home().resolve("keys")), "HQ's keys are unchanged");
        assertEquals(live, liveRouterFiles(), "the live configuration is unchanged byte for byte");
        assertEquals(404, grid.get(name + ".test", "/").status());
        assertEquals(List.of(), grid.containerIds(name), "nothing was started");
    }

    private GitWorkTree app(String name, String template) {
        GitWorkTree tree = grid.hq().workTree(name);
        tree.write("quarry.yml", TestApps.web(name + ".test", 1, "")).write("public/index.html", name + "\n")
                .write(".quarry/nginx.mustache", template).commit("first");
        return tree;
    }

    private Map<String, String> liveRouterFiles() {
        Path live = grid.hq().home().resolve("router").resolve("live");
        try {
            Map<String, String> files = files(live.toRealPath());
            files.put("live ->", Files.readSymbolicLink(live).toString());
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, String> files(Path folder) {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                files.put(folder.relativize(file).toString(), Files.readString(file));
            }
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
