package dev.quarry.hq.endtoend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.hq.grid.RunningContainer;
import dev.quarry.testsupport.BusyboxImage;
import dev.quarry.testsupport.CommandResult;
import dev.quarry.testsupport.GitWorkTree;
import dev.quarry.testsupport.LoopbackHttp;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pushes to HQ on a real grid: two local servers (agents on loopback addresses of their own), the
 * router's nginx, real busybox processes and a real dockerd. Each test deploys its own app.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GridLaunchTest {
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
    void aPushIsServedThroughTheRouterAndAPushAfterItReplacesIt() {
        GitWorkTree hello = app("hello", TestApps.web("hello.test", 2, ""), "hello one");
        CommandResult first = hello.push(RunningHq.url("hello"), "main").requireSuccess();

        assertTrue(remoteLines(first).stream().anyMatch(line -> line.startsWith(
                "-----> DEPLOY hello/web 2/2 healthy on s1, s2 (")), first.describe());
        assertTrue(remoteLines(first).stream().anyMatch(line -> line.startsWith(
                "-----> hello release 1 is live: http://hello.test:")), first.describe());
        assertEquals(new LoopbackHttp.Answer(200, "hello one\n"), grid.get("hello.test", "/"));
        assertEquals(Set.of("s1", "s2"), servers(grid.containers("hello")), "the two replicas are spread");
        List<String> servers = grid.hq().alice().run("servers").requireSuccess().stdoutLines();
        assertTrue(servers.get(1).matches("s1 +127\\.0\\.[0-9.]+:[0-9]+ +8192M,8000m +[0-9]+M,[0-9]+m"
                + " +[0-9]+M,[0-9]+m +embedded +0 +[0-9]+ +up since [0-9T:-]+Z"), String.join("\n", servers));
        assertTrue(servers.getLast().matches("total +2 servers +16384M,16000m +[0-9]+M,[0-9]+m +[0-9]+M,[0-9]+m"
                + " +0 +[0-9]+"), String.join("\n", servers));
        assertTrue(grid.hq().alice().run("grid", "hello").requireSuccess().stdoutLines()
                .contains("hello.web.1.1 on " + grid.grid().serverOf("hello.web.1.1").orElseThrow().id()
                        + " (32M,250m)"));

        hello.write("public/index.html", "hello two\n").commit("two");
        CommandResult second = hello.push(RunningHq.url("hello"), "main").requireSuccess();

        assertEquals(new LoopbackHttp.Answer(200, "hello two\n"), grid.get("hello.test", "/"), second.describe());
        assertTrue(remoteLines(second).contains("-----> draining 2 old containers in the background, removed after a"
                + " 0.2 s drain: hello.web.1.1, hello.web.1.2"), second.describe());
        assertEquals(List.of("hello.web.2.1", "hello.web.2.2"), grid.containerIds("hello"));
    }

    @Test
    void aPushThatNeverGetsHealthyFailsWithTheAppsLinesAndTheOldReleaseKeepsServing() {
        GitWorkTree flaky = app("flaky", TestApps.web("flaky.test", 1, ""), "flaky one");
        flaky.push(RunningHq.url("flaky"), "main").requireSuccess();
        flaky.write("quarry.yml", TestApps.web("flaky.test", 1, "/never-there")).commit("unhealthy");

        CommandResult push = flaky.push(RunningHq.url("flaky"), "main");

        assertFalse(push.succeeded(), push.describe());
        List<String> lines = remoteLines(push);
        assertTrue(lines.stream().anyMatch(line -> line.startsWith("-----> failed: flaky/web: flaky.web.2.1 on s")
                && line.contains(" is not healthy: ")), push.describe());
        assertTrue(lines.stream().anyMatch(line -> line.startsWith("       | ") && line.contains(
                "flaky/web starting on 127.0.")), "the app's own log lines: " + push.describe());
        assertTrue(lines.contains("-----> flaky release 2 failed; release 1 keeps serving"), push.describe());
        assertEquals(new LoopbackHttp.Answer(200, "flaky one\n"), grid.get("flaky.test", "/"));
        assertEquals(List.of("flaky.web.1.1"), grid.containerIds("flaky"));
    }

    @Test
    void aFailingReleaseHookFailsThePushWithItsOutput() {
        String quarryFile = TestApps.web("hooked.test", 1, "") + "    hooks: {release: echo migrating; exit 3}\n";
        CommandResult push = app("hooked", quarryFile, "hooked").push(RunningHq.url("hooked"), "main");

        assertFalse(push.succeeded(), push.describe());
        assertTrue(remoteLines(push).stream().anyMatch(line -> line.matches("-----> failed: hooked/web: the release"
                + " hook \"echo migrating; exit 3\" failed with status 3 on s[12]; fix it and push again")),
                push.describe());
        assertTrue(remoteLines(push).contains("       | migrating"), push.describe());
        assertEquals(List.of(), grid.containerIds("hooked"));
    }

    @Test
    void scaleOverSshAddsContainersAndTakesThemAway() {
        app("scaled", TestApps.web("scaled.test", 1, ""), "scaled one").push(RunningHq.url("scaled"), "main")
                .requireSuccess();

        CommandResult up = grid.hq().alice().run("scale", "scaled", "web=3").requireSuccess();
        assertTrue(up.stdoutLines().stream().anyMatch(line -> line.startsWith("-----> SCALE scaled/web 1 -> 3: 2"
                + " started on ")), up.describe());
        assertEquals(List.of("scaled.web.1.1", "scaled.web.1.2", "scaled.web.1.3"), grid.containerIds("scaled"));
        assertEquals(200, grid.get("scaled.test", "/").status());

        grid.hq().alice().run("scale", "scaled", "web=1").requireSuccess();
        assertEquals(List.of("scaled.web.1.1"), grid.containerIds("scaled"));
        assertEquals(new LoopbackHttp.Answer(200, "scaled one\n"), grid.get("scaled.test", "/"));
        List<String> ps = grid.hq().alice().run("ps", "scaled").requireSuccess().stdoutLines();
        assertEquals(2, ps.size(), String.join("\n", ps));
        assertTrue(ps.get(1).matches("scaled +web +scaled\\.web\\.1\\.1 +s[12] +127\\.0\\.[0-9.:]+ +up +0 +1"
                + " +process"), ps.get(1));
        List<String> logs = grid.hq().alice().run("logs", "scaled", "web", "-n", "5").requireSuccess().stdoutLines();
        assertTrue(logs.getFirst().matches("==> scaled\\.web\\.1\\.1 on s[12] <=="), String.join("\n", logs));
    }

    @Test
    void aServicePublishesWhereItRunsAndIsNotRestartedByAPush() {
        GitWorkTree shop = app("withdb", TestApps.WITH_SERVICE, "shop one");
        CommandResult first = shop.push(RunningHq.url("withdb"), "main").requireSuccess();
        RunningContainer db = grid.containers("withdb").getFirst();
        assertEquals("withdb.db.1.1", db.id(), first.describe());
        assertEquals(TestApps.SERVICE_PORT, db.status().port());

        assertEquals(new LoopbackHttp.Answer(200, "http://" + db.address() + "/\n"), grid.get("withdb.test",
                "/db.txt"));

        shop.write("public/index.html", "shop two\n").commit("two");
        shop.push(RunningHq.url("withdb"), "main").requireSuccess();
        assertEquals(List.of("withdb.db.1.1", "withdb.web.2.1"), grid.containerIds("withdb"));
        assertEquals(new LoopbackHttp.Answer(200, "shop two\n"), grid.get("withdb.test", "/"));
    }

    @Test
    void theDockerRuntimeServesAnImportedImage() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String image = BusyboxImage.importAs("quarry-test/launch-busybox", tag,
                Map.of("www/index.html", "boxed one\n"), root.resolve("image"));
        try {
            app("boxed", TestApps.docker("boxed.test", image), "unused").push(RunningHq.url("boxed"), "main")
                    .requireSuccess();
            assertEquals(new LoopbackHttp.Answer(200, "boxed one\n"), grid.get("boxed.test", "/"));
            assertEquals("docker", grid.containers("boxed").getFirst().status().kind().name().toLowerCase());
        } finally {
            grid.containers("boxed").forEach(container -> grid.grid().agent(container.server())
                    .remove(container.id(), java.time.Duration.ZERO));
            BusyboxImage.remove(image);
        }
    }

    private GitWorkTree app(String name, String quarryFile, String page) {
        GitWorkTree tree = grid.hq().workTree(name);
        tree.write("quarry.yml", quarryFile).write("public/index.html", page + "\n").commit("first");
        return tree;
    }

    private static List<String> remoteLines(CommandResult push) {
        return GitWorkTree.remoteLines(push);
    }

    private static Set<String> servers(List<RunningContainer> containers) {
        return containers.stream().map(container -> container.server().id()).collect(Collectors.toSet());
    }
}
