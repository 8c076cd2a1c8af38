package dev.quarry.hq.endtoend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.files.AtomicFiles;
import dev.quarry.hq.grid.RunningContainer;
import dev.quarry.testsupport.BusyboxImage;
import dev.quarry.testsupport.CommandResult;
import dev.quarry.testsupport.GitWorkTree;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * One build per release for the whole grid (two local servers, a web node of scale 2 spread over both): one server
 * builds, HQ sends the built release to the other instead of its source, a {@code config set} reuses the build on
 * both, and a server that lost its kept builds is sent HQ's copy again rather than building.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BuildShippingTest {
    /** Writes a value no second build would write again: two servers serving it ran one build. */
    private static final String UNIQUE_BUILD = "echo building; touch \"$HOME/downloaded\";"
            + " head -c 16 /dev/urandom | od -An -tx1 | tr -d \" \\n\" > public/built.txt";

    @TempDir
    static Path root;

    private RunningGrid grid;

    @BeforeAll
    void startGrid() {
        BusyboxImage.requireBusybox();
        grid = RunningGrid.start(root.resolve("grid"), 2);
    }

    @AfterAll
    void stopGrid() {
        if (grid != null) {
            grid.close();
        }
    }

    @Test
    void oneServerBuildsAndTheOtherIsSentTheBuiltReleaseThenBothReuseIt() throws IOException {
        GitWorkTree app = grid.hq().workTree("ship");
        app.write("quarry.yml", BuildOutputTest.web("ship", List.of(UNIQUE_BUILD), "").replace("memory: 32M",
                "memory: 32M\n    scale: 2")).write("public/index.html", "ship\n").commit("first");

        CommandResult push = app.push(RunningHq.url("ship"), "main").requireSuccess();

        List<String> lines = GitWorkTree.remoteLines(push);
        assertEquals(Set.of("s1", "s2"), servers(grid.containers("ship")), push.describe());
        assertEquals(1, count(lines, "-----> build web \\([0-9.]+ s\\)"), push.describe());
        assertEquals(1, count(lines, "-----> build web: sent the build of release 1 to s[12] \\([0-9.]+ [KM]iB, .*\\)"),
                push.describe());
        assertEquals(1, count(lines, "       \\| building"), "built once: " + push.describe());
        List<String> built = List.of(builtFile("s1", 1), builtFile("s2", 1));
        assertEquals(built.get(0), built.get(1), "both servers serve what one build made");
        List<String> log = grid.hq().alice().run("logs", "ship", "--build").requireSuccess().stdoutLines();
        assertEquals(1, count(log, "==> build of ship/web release 1 on s[12] <=="), String.join("\n", log));

        List<String> configured = grid.hq().alice().run("config", "ship", "set", "GREETING=hi").requireSuccess()
                .stdoutLines();
        assertEquals(2, count(configured, "-----> build web: reused the build of release 1 \\(same source and build"
                + " commands\\) on s[12] .*"), String.join("\n", configured));
        assertEquals(0, count(configured, "-----> build web(: sent.*| \\(.*)"), String.join("\n", configured));
        assertEquals(built.get(0), builtFile("s2", 2));

        AtomicFiles.deleteTree(serverHome("s2").resolve("builds").resolve("ship"));
        List<String> rolledBack = grid.hq().alice().run("rollback", "ship", "1").requireSuccess().stdoutLines();
        assertEquals(1, count(rolledBack, "-----> build web: sent the build of release 1 to s2 .*"),
                String.join("\n", rolledBack));
        assertEquals(0, count(rolledBack, "-----> build web \\(.*"), String.join("\n", rolledBack));
        assertEquals(built.get(0), builtFile("s2", 3), "s2 was sent the build, it did not build again");
        assertFalse(grid.hq().alice().run("logs", "ship", "--build", "3").succeeded(), "release 3 did not build");
    }

    @Test
    void cacheClearEmptiesTheStacksBuildCacheOnEveryServer() {
        GitWorkTree app = grid.hq().workTree("cached");
        app.write("quarry.yml", BuildOutputTest.web("cached", List.of(UNIQUE_BUILD), ""))
                .write("public/index.html", "cached\n").commit("first");
        app.push(RunningHq.url("cached"), "main").requireSuccess();
        assertEquals(1, downloads("cached"), "the build wrote into its HOME on the server that built it");

        CommandResult cleared = grid.hq().alice().run("cache", "cached", "clear").requireSuccess();

        assertEquals(1, cleared.stdoutLines().stream().filter(line -> line.matches("s[12]: cleared the build cache of"
                + " cached")).count(), cleared.describe());
        assertEquals(2, cleared.stdoutLines().size(), cleared.describe());
        assertEquals(0, downloads("cached"));
        CommandResult wrong = grid.hq().alice().run("cache", "cached", "empty");
        assertEquals(List.of("quarry cache: name the app and the action; usage: " + "cache APP clear"),
                wrong.stderrLines(), wrong.describe());
    }

    private long downloads(String app) {
        return List.of("s1", "s2").stream().map(server -> serverHome(server).resolve("homes").resolve(app)
                .resolve("downloaded")).filter(Files::exists).count();
    }

    private String builtFile(String server, int release) throws IOException {
        Path file = serverHome(server).resolve("sources").resolve("ship").resolve(String.valueOf(release))
                .resolve("public").resolve("built.txt");
        assertTrue(Files.isRegularFile(file), file + " on " + server);
        return Files.readString(file);
    }

    private Path serverHome(String server) {
        return grid.hq().home().resolve("local").resolve(server);
    }

    private static Set<String> servers(List<RunningContainer> containers) {
        return containers.stream().map(container -> container.server().id()).collect(Collectors.toSet());
    }

    private static long count(List<String> lines, String regex) {
        return lines.stream().filter(line -> line.matches(regex)).count();
    }
}
