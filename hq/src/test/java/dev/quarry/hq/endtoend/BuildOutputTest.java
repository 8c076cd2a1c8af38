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
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a push shows of a build through HQ on a real grid (one local server, sandboxed shell builds): each
 * build and hook line while it runs, how long the build took, and failures that say what failed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BuildOutputTest {
    /** Waits (at most a minute) for a file {@code go} that the test writes only once it saw the first line. */
    static final String WAITING_BUILD = "echo waiting for go; i=0; while [ ! -e go ] && [ $i -lt 300 ]; do sleep 0.2;"
            + " i=$((i+1)); done; test -e go && echo got go";
    static final String NOISY_BUILD = "echo fetching; echo \"npm ERR! the lockfile is out of date\"; i=0;"
            + " while [ $i -lt 30 ]; do echo help text $i; i=$((i+1)); done; exit 1";

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
    void eachBuildAndHookLineIsShownWhileItRunsThenHowLongTheBuildTook() {
        GitWorkTree live = app("live", web("live", List.of(WAITING_BUILD, "echo built > public/built.txt"),
                "echo hook says hi"));

        CommandResult push = LivePush.push(live, RunningHq.url("live"), line -> {
            if (line.contains("| waiting for go")) {
                List<Path> sources = sourcesOf("live", 1);
                assertEquals(1, sources.size(), "the release's source on the one server");
                sources.forEach(folder -> write(folder.resolve("go")));
            }
        });

        push.requireSuccess();
        List<String> lines = GitWorkTree.remoteLines(push);
        int waiting = lines.indexOf("       | waiting for go");
        int got = lines.indexOf("       | got go");
        int built = indexOf(lines, "-----> build web \\([0-9.]+ s\\)");
        int hook = lines.indexOf("       | hook says hi");
        int deployed = indexOf(lines, "-----> DEPLOY live/web 1/1 healthy on s1 \\(.*");
        assertTrue(waiting >= 0 && waiting < got && got < built && built < hook && hook < deployed,
                push.describe());
        assertEquals(new LoopbackHttp.Answer(200, "built\n"), grid.get("live.test", "/built.txt"));

        List<String> log = grid.hq().alice().run("logs", "live", "--build").requireSuccess().stdoutLines();
        assertEquals(List.of("==> build of live/web release 1 on s1 <==", "waiting for go", "got go"), log);
        assertEquals(log, grid.hq().alice().run("logs", "live", "--build", "1").requireSuccess().stdoutLines());
        CommandResult none = grid.hq().alice().run("logs", "live", "--build", "9");
        assertEquals(List.of("quarry logs: no build log of live release 9 on this HQ: its nodes have no build"
                + " commands, or their build ran for another release or through another HQ; see: releases live"),
                none.stderrLines(), none.describe());
    }

    @Test
    void aFailedBuildSaysWhichCommandFailedWithItsFirstErrorLinesAndNoHealthAdvice() {
        CommandResult push = app("broken", web("broken", List.of(NOISY_BUILD), ""))
                .push(RunningHq.url("broken"), "main");

        assertFalse(push.succeeded(), push.describe());
        List<String> lines = GitWorkTree.remoteLines(push);
        int failed = indexOf(lines, "-----> failed: broken/web: build failed: .* exited 1 \\(build command 1 of 1"
                + " of broken/web release 1\\).* on s1");
        assertTrue(failed >= 0, push.describe());
        List<String> shown = lines.subList(failed + 1, failed + 4);
        assertEquals(List.of("       | npm ERR! the lockfile is out of date", "       | ...",
                "       | help text 10"), shown, push.describe());
        assertTrue(lines.contains("       | fetching"), "streamed while it ran: " + push.describe());
        assertTrue(lines.stream().noneMatch(line -> line.contains("health settings")), push.describe());
        assertEquals(List.of(), grid.containerIds("broken"));
    }

    @Test
    void aContainerThatKeepsExitingFailsTheDeployBeforeItsHealthDeadlineWithItsLog() {
        String quarryFile = """
                nodes:
                  web:
                    run: echo crashing now; exit 3
                    port: 8080
                    memory: 32M
                    restart: {policy: on-failure, max: 10, backoff: 100ms}
                    health: {path: /up, interval: 100ms, deadline: 10m}
                """;
        CommandResult push = app("crashy", quarryFile).push(RunningHq.url("crashy"), "main");

        assertFalse(push.succeeded(), push.describe());
        List<String> lines = GitWorkTree.remoteLines(push);
        assertTrue(indexOf(lines, "-----> failed: crashy/web: crashy\\.web\\.1\\.1 on s1 is not healthy: it exited 3"
                + " times before it was healthy, last \\(exit status 3\\); it is crash-looping.*; fix the app.*") >= 0,
                push.describe());
        assertTrue(lines.contains("       | crashing now"), push.describe());
        assertTrue(lines.stream().noneMatch(line -> line.contains("health settings")), push.describe());
    }

    @Test
    void oneBuildPerReleaseIsSharedByItsNodesAndReusedByConfigSetScaleAndRollback() {
        String build = "echo building; echo built > public/built.txt";
        String quarryFile = web("shared", List.of(build), "") + """
                  worker:
                    build: ['%s']
                    run: exec busybox httpd -f -p "$HOST:$PORT" -h public
                    port: 8080
                    memory: 32M
                """.formatted(build);
        CommandResult push = app("shared", quarryFile).push(RunningHq.url("shared"), "main").requireSuccess();
        List<String> lines = GitWorkTree.remoteLines(push);
        assertEquals(1, count(lines, "-----> build (web|worker) \\([0-9.]+ s\\)"), push.describe());
        assertEquals(1, count(lines, "-----> build (web|worker): reused the build of release 1 .*"), push.describe());

        List<String> configured = grid.hq().alice().run("config", "shared", "set", "GREETING=hi").requireSuccess()
                .stdoutLines();
        List<String> scaled = grid.hq().alice().run("scale", "shared", "web=2").requireSuccess().stdoutLines();
        List<String> rolledBack = grid.hq().alice().run("rollback", "shared", "1").requireSuccess().stdoutLines();

        assertEquals(2, count(configured, "-----> build (web|worker): reused the build of release 1 \\(same source"
                + " and build commands\\) on s1 .*"), String.join("\n", configured));
        for (List<String> output : List.of(configured, scaled, rolledBack)) {
            assertEquals(0, count(output, "-----> build (web|worker) \\(.*"), String.join("\n", output));
        }
        assertEquals(1, count(buildLog("shared", 1), "==> build of .*"), "one build for both nodes");
        for (int release = 2; release <= 4; release++) {
            assertFalse(grid.hq().alice().run("logs", "shared", "--build", String.valueOf(release)).succeeded(),
                    "release " + release + " did not build");
        }
        assertEquals(new LoopbackHttp.Answer(200, "built\n"), grid.get("shared.test", "/built.txt"),
                "the reused build serves, also after the second node reused it");

        List<String> uncached = grid.hq().alice().run("config", "shared", "set", "BUILD_CACHE=off").requireSuccess()
                .stdoutLines();
        assertEquals(1, count(uncached, "-----> build (web|worker) \\([0-9.]+ s\\)"), String.join("\n", uncached));
        assertEquals(1, count(uncached, "-----> build (web|worker): reused the build of release 5 .*"),
                String.join("\n", uncached));
        assertEquals(1, count(uncached, "       \\| -----> BUILD_CACHE=off: the stack's HOME was emptied before this"
                + " build"), String.join("\n", uncached));
    }

    private List<String> buildLog(String app, int release) {
        return grid.hq().alice().run("logs", app, "--build", String.valueOf(release)).requireSuccess().stdoutLines();
    }

    private static long count(List<String> lines, String regex) {
        return lines.stream().filter(line -> line.matches(regex)).count();
    }

    private GitWorkTree app(String name, String quarryFile) {
        GitWorkTree tree = grid.hq().workTree(name);
        tree.write("quarry.yml", quarryFile).write("public/index.html", name + "\n").commit("first");
        return tree;
    }

    /** busybox httpd serving public/, with build commands and a release hook (none when empty). */
    static String web(String name, List<String> build, String releaseHook) {
        StringBuilder quarryFile = new StringBuilder("nodes:\n  web:\n    build:\n");
        build.forEach(command -> quarryFile.append("      - '").append(command).append("'\n"));
        quarryFile.append("    run: exec busybox httpd -f -p \"$HOST:$PORT\" -h public\n")
                .append("    port: 8080\n    memory: 32M\n    domains: [").append(name).append(".test]\n");
        if (!releaseHook.isEmpty()) {
            quarryFile.append("    hooks: {release: ").append(releaseHook).append("}\n");
        }
        return quarryFile.toString();
    }

    /** The release's source folders on every agent of the grid. */
    private List<Path> sourcesOf(String app, int release) {
        try (Stream<Path> servers = Files.list(grid.hq().home().resolve("local"))) {
            return servers.map(server -> server.resolve("sources").resolve(app).resolve(String.valueOf(release)))
                    .filter(Files::isDirectory).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path file) {
        try {
            Files.writeString(file, "go\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int indexOf(List<String> lines, String regex) {
        List<String> copy = new ArrayList<>(lines);
        for (int i = 0; i < copy.size(); i++) {
            if (copy.get(i).matches(regex)) {
                return i;
            }
        }
        return -1;
    }
}
