package dev.quarry.cli.acceptance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.testsupport.BusyboxImage;
import dev.quarry.testsupport.CommandResult;
import dev.quarry.testsupport.GitWorkTree;
import dev.quarry.testsupport.LoadLoop;
import dev.quarry.testsupport.LoopbackHttp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CLI issue's acceptance, as a user lives it: {@code quarry up} with two local servers from the
 * packaged jar, the example app pushed with the real git and OpenSSH and served through nginx, a change
 * switched in under continuous load without one failed request, a push whose health check fails while
 * the old release keeps serving, {@code quarry scale}, {@code ps}, {@code grid} and {@code rollback} over
 * SSH, and a Docker app from a prebuilt image.
 */
class AcceptanceIT {
    private static final Path ROOT = Path.of(System.getProperty("quarry.root", "..")).toAbsolutePath().normalize();
    private static final String HELLO = "hello from Quarry";
    private static final String HELLO_AGAIN = "hello again, release two";

    @TempDir
    Path root;

    @Test
    void aUserDeploysScalesAndRollsBackBothRuntimesThroughTheCli() throws Exception {
        String suffix = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
        String boxed = "accept-" + suffix;
        String image = BusyboxImage.importAs("quarry-acceptance/busybox", suffix, Map.of(), root.resolve("image"));
        try (RunningQuarry quarry = RunningQuarry.start(root, 2)) {
            processApp(quarry);
            dockerApp(quarry, boxed, image);
        } finally {
            Containers.removeStack(boxed);
            BusyboxImage.remove(image);
        }
    }

    private static void processApp(RunningQuarry quarry) throws Exception {
        GitWorkTree hello = quarry.repository("hello");
        hello.write("quarry.yml", Files.readString(ROOT.resolve("examples/hello/quarry.yml")));
        hello.write("public/index.html", Files.readString(ROOT.resolve("examples/hello/public/index.html")));
        hello.commit("hello");
        CommandResult first = RunningQuarry.push(hello);
        assertEquals(0, first.exitCode(), first.describe());
        assertTrue(first.stderr().contains("hello release 1 is live: http://hello.localhost:" + quarry.httpPort()),
                first.stderr());
        assertServes(quarry, "hello.localhost", HELLO);

        scales(quarry, hello.directory());
        hello.write("public/index.html", "<!doctype html>\n<title>" + HELLO_AGAIN + "</title>\n");
        switchesUnderLoad(quarry, hello, "hello.localhost", HELLO, HELLO_AGAIN);
        keepsServingWhenHealthFails(quarry, hello);

        CommandResult rollback = quarry.quarry(hello.directory(), "rollback");
        assertEquals(0, rollback.exitCode(), rollback.describe());
        assertServes(quarry, "hello.localhost", HELLO);
        CommandResult releases = quarry.quarry(hello.directory(), "releases");
        assertEquals(0, releases.exitCode(), releases.describe());
        assertTrue(releases.stdout().contains("failed"), releases.stdout());
    }

    /** Releases 2 and 3: {@code quarry scale web=3} spreads over both servers, {@code web=1} goes back. */
    private static void scales(RunningQuarry quarry, Path app) {
        quarry.quarry(app, "scale", "web=3").requireSuccess();
        List<List<String>> three = containerRows(quarry, app, "hello.web.");
        assertEquals(3, three.size(), three.toString());
        assertEquals(2, three.stream().map(row -> row.get(3)).distinct().count(), "replicas on both servers: " + three);
        String grid = quarry.quarry(app, "grid").requireSuccess().stdout();
        for (List<String> row : three) {
            assertTrue(grid.contains(row.get(2)), "grid names " + row.get(2) + ":\n" + grid);
        }
        quarry.quarry(app, "scale", "web=1").requireSuccess();
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(30).toNanos();
        while (containerRows(quarry, app, "hello.web.").size() > 1 && System.nanoTime() < deadline) {
            Thread.onSpinWait(); // the scaled-down containers drain in the background after the command returns
        }
        assertEquals(1, containerRows(quarry, app, "hello.web.").size());
        assertServes(quarry, "hello.localhost", HELLO);
    }

    /** A push whose health check never passes fails with the app's own lines; the old release serves on. */
    private static void keepsServingWhenHealthFails(RunningQuarry quarry, GitWorkTree hello) {
        hello.write("quarry.yml", """
                name: hello
                nodes:
                  web:
                    run: echo "hello web starting on $HOST:$PORT"; exec busybox httpd -f -p "$HOST:$PORT" -h public
                    port: 8080
                    domains: [hello.localhost]
                    health: {path: /missing, interval: 100ms, deadline: 2s}
                    memory: 32M
                    cpu: 0.1
                """);
        hello.write("public/index.html", "never served\n");
        hello.commit("broken health");
        CommandResult broken = RunningQuarry.push(hello);
        assertNotEquals(0, broken.exitCode(), broken.describe());
        List<String> remote = GitWorkTree.remoteLines(broken);
        assertTrue(remote.stream().anyMatch(line -> line.contains("| hello web starting on 127.")), remote.toString());
        assertTrue(remote.stream().anyMatch(line -> line.contains("not healthy")), remote.toString());
        assertServes(quarry, "hello.localhost", HELLO_AGAIN);
    }

    private static void dockerApp(RunningQuarry quarry, String name, String image) throws Exception {
        GitWorkTree boxed = quarry.repository(name);
        String domain = name + ".localhost";
        boxed.write("quarry.yml", DockerApp.yml(name, image, "boxed one"));
        boxed.commit("boxed one");
        CommandResult first = RunningQuarry.push(boxed);
        assertEquals(0, first.exitCode(), first.describe());
        assertServes(quarry, domain, "boxed one");
        List<List<String>> rows = containerRows(quarry, boxed.directory(), name + ".web.");
        assertEquals(1, rows.size(), rows.toString());
        assertEquals("docker", rows.getFirst().get(8), rows.toString());
        assertTrue(quarry.quarry(boxed.directory(), "grid").requireSuccess().stdout().contains(rows.getFirst().get(2)));

        boxed.write("quarry.yml", DockerApp.yml(name, image, "boxed two"));
        switchesUnderLoad(quarry, boxed, domain, "boxed one", "boxed two");
    }

    /** Commits what the tree holds and pushes it while three threads keep asking; none may fail. */
    private static void switchesUnderLoad(RunningQuarry quarry, GitWorkTree tree, String domain, String before,
            String after) throws InterruptedException {
        tree.commit("change to " + after);
        LoadLoop load = LoadLoop.start(quarry.httpPort(), domain, 3);
        CommandResult push;
        LoadLoop.Result seen;
        try {
            push = RunningQuarry.push(tree);
        } finally {
            seen = load.stop();
        }
        assertEquals(0, push.exitCode(), push.describe());
        assertServes(quarry, domain, after);
        assertEquals(0, seen.failedAnswers(), "answers other than 2xx: " + seen.failures());
        assertEquals(0, seen.connectionErrors(), "connection errors: " + seen.failures());
        assertTrue(seen.saw(before) && seen.saw(after),
                "saw " + seen.bodies() + " in " + seen.succeeded() + " answers");
        System.out.println("switch domain=" + domain + " requests=" + seen.succeeded() + " failed=0");
    }

    private static void assertServes(RunningQuarry quarry, String domain, String text) {
        LoopbackHttp.Answer page = quarry.get(domain);
        assertEquals(200, page.status(), page.body());
        assertTrue(page.body().contains(text), "expected " + text + " in " + page.body());
    }

    /** The rows of {@code quarry ps} naming containers that start with {@code prefix}, split into columns. */
    private static List<List<String>> containerRows(RunningQuarry quarry, Path app, String prefix) {
        String ps = quarry.quarry(app, "ps").requireSuccess().stdout();
        return ps.lines().map(line -> List.of(line.strip().split("\\s+")))
                .filter(columns -> columns.size() >= 9 && columns.get(2).startsWith(prefix)).toList();
    }
}
