package dev.quarry.hq.endtoend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.hq.grid.GridSettings;
import dev.quarry.hq.grid.RunningContainer;
import dev.quarry.hq.grid.ServerSettings;
import dev.quarry.router.model.RouterSettings;
import dev.quarry.testsupport.BusyboxImage;
import dev.quarry.testsupport.CommandResult;
import dev.quarry.testsupport.GitWorkTree;
import dev.quarry.testsupport.LoadLoop;
import dev.quarry.testsupport.LoopbackHttp;
import dev.quarry.testsupport.LoopbackPorts;
import dev.quarry.testsupport.OpenSshClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code destroy} and {@code restart} through HQ on a real grid of two servers, with real git and OpenSSH:
 * destroy leaves nothing of the app on any server, in the router or in HQ, is refused without the confirmation,
 * cleans a server that was away once it is back, and a new push of the name starts from release 1; a restart
 * under load fails no request and replaces every container without building.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DestroyAndRestartTest {
    /** The folders an agent keeps for a stack. */
    private static final List<String> AGENT_FOLDERS = List.of("sources", "builds", "hooks", "logs", "homes",
            "identities");

    @TempDir
    static Path root;

    private RunningGrid grid;

    @BeforeAll
    void startGrid() {
        BusyboxImage.requireBusybox();
        int routerPort = LoopbackPorts.free();
        GridSettings settings = GridSettings.of(RouterSettings.local(routerPort), 2)
                .withDrainGrace(Duration.ofMillis(200)).withReconcilePeriod(Duration.ofSeconds(1));
        grid = new RunningGrid(RunningHq.startWithGrid(root.resolve("grid"), settings), routerPort);
    }

    @AfterAll
    void stopGrid() {
        if (grid != null) {
            grid.close();
        }
    }

    @Test
    void destroyIsRefusedWithoutTheConfirmationThenLeavesNothingAndAPushStartsAgainFromReleaseOne() {
        GitWorkTree gone = grid.hq().workTree("gone");
        gone.write("quarry.yml", built("gone.test", 2)).write("public/index.html", "gone\n").commit("one");
        gone.push(RunningHq.url("gone"), "main").requireSuccess();
        gone.write("public/index.html", "gone again\n").commit("two");
        gone.push(RunningHq.url("gone"), "main").requireSuccess();
        assertEquals(List.of("gone.web.2.1", "gone.web.2.2"), grid.containerIds("gone"));
        assertEquals(Set.of("s1", "s2"), servers(grid.containers("gone")));
        AGENT_FOLDERS.forEach(folder -> assertTrue(agentFolders("gone").contains(folder),
                folder + "/gone is on some server before: " + agentFolders("gone")));

        assertOneLine(grid.hq().alice().run("destroy", "gone"), "quarry destroy: this removes gone for good"
                + " (containers, releases, repository, config); to go on, type: ssh quarry@HQ destroy gone --confirm gone");
        assertOneLine(grid.hq().alice().run("destroy", "gone", "--confirm", "gon"), "quarry destroy: the confirmation"
                + " gon is not the app's name gone; nothing was removed; to destroy gone, type: ssh quarry@HQ destroy"
                + " gone --confirm gone");
        OpenSshClient bob = grid.hq().client("bob");
        assertOneLine(bob.run("destroy", "gone", "--confirm", "gone"), "quarry: bob may not destroy gone; an admin"
                + " can run: ssh quarry@HQ access grant bob gone");
        assertEquals(List.of("gone.web.2.1", "gone.web.2.2"), grid.containerIds("gone"), "nothing changed");
        assertEquals(new LoopbackHttp.Answer(200, "gone again\n"), grid.get("gone.test", "/"));

        grid.hq().alice().run("access", "grant", "bob", "gone").requireSuccess();
        CommandResult destroyed = bob.run("destroy", "gone", "--confirm", "gone").requireSuccess();

        List<String> lines = destroyed.stdoutLines();
        assertTrue(lines.contains("-----> removed 2 containers: gone.web.2.1, gone.web.2.2"), destroyed.describe());
        assertTrue(lines.contains("-----> removed 2 releases, the config, the repository and the access grants of"
                + " gone"), destroyed.describe());
        assertEquals("-----> destroyed gone", lines.getLast(), destroyed.describe());
        assertEquals(List.of(), grid.containerIds("gone"));
        assertEquals(List.of(), agentFolders("gone"), "no folder of gone on any server");
        assertNotEquals(200, grid.get("gone.test", "/").status(), "no longer routed");
        assertEquals(List.of(), routerFilesNaming("gone.test"));
        assertFalse(grid.hq().alice().run("apps").requireSuccess().stdout().contains("gone"));
        for (String kept : List.of("stacks/gone", "access/apps/gone.json", "repositories/gone", "destroyed/gone.json")) {
            assertFalse(Files.exists(grid.hq().home().resolve(kept)), kept + " is gone from HQ's home");
        }
        assertTrue(grid.hq().alice().run("audit", "gone").requireSuccess().stdout().contains("destroy gone"),
                "audited");
        assertEquals(List.of("quarry releases: no app named gone on this HQ; see: apps, or push it: git push"
                + " quarry@HQ:gone main"), grid.hq().alice().run("releases", "gone").stderrLines());

        CommandResult again = gone.push(RunningHq.url("gone"), "main").requireSuccess();

        assertTrue(GitWorkTree.remoteLines(again).stream().anyMatch(line -> line.startsWith(
                "-----> gone release 1 is live: ")), again.describe());
        assertEquals(new LoopbackHttp.Answer(200, "gone again\n"), grid.get("gone.test", "/"));
        assertEquals(List.of("gone.web.1.1", "gone.web.1.2"), grid.containerIds("gone"));
    }

    @Test
    void aFirstPushThatNeverWentLiveCanBeDestroyed() {
        GitWorkTree broken = grid.hq().workTree("broken");
        broken.write("quarry.yml", TestApps.web("broken.test", 1, "/missing.html")).write("public/index.html", "x\n")
                .commit("never healthy");
        assertFalse(broken.push(RunningHq.url("broken"), "main").succeeded());
        assertTrue(grid.hq().alice().run("apps").requireSuccess().stdout().contains("broken"));

        grid.hq().alice().run("destroy", "broken", "--confirm", "broken").requireSuccess();

        assertFalse(grid.hq().alice().run("apps").requireSuccess().stdout().contains("broken"));
        assertEquals(List.of(), grid.containerIds("broken"));
        assertEquals(List.of(), agentFolders("broken"));
        assertFalse(Files.exists(grid.hq().home().resolve("stacks").resolve("broken")));
        assertOneLine(grid.hq().alice().run("destroy", "broken", "--confirm", "broken"),
                "quarry destroy: no app named broken on this HQ; see: apps");
    }

    @Test
    void aServerAwayDuringDestroyIsReportedAndCleanedOnceItIsBack() throws InterruptedException {
        GitWorkTree away = grid.hq().workTree("away");
        away.write("quarry.yml", built("away.test", 2)).write("public/index.html", "away\n").commit("one");
        away.push(RunningHq.url("away"), "main").requireSuccess();
        ServerSettings s2 = grid.grid().server("s2").orElseThrow();
        assertTrue(grid.grid().takeOff("s2"));
        CommandResult destroyed;
        try {
            destroyed = grid.hq().alice().run("destroy", "away", "--confirm", "away").requireSuccess();

            assertTrue(destroyed.stdoutLines().contains("-----> s2 did not answer (server s2 is off the grid: its"
                    + " agent stopped answering): what away has there is removed by the reconciler once it answers"
                    + " again"), destroyed.describe());
            assertEquals("-----> destroyed away; 1 server still to clean (above)", destroyed.stdoutLines().getLast());
            assertFalse(grid.hq().alice().run("apps").requireSuccess().stdout().contains("away"));
            assertTrue(Files.exists(grid.hq().home().resolve("destroyed").resolve("away.json")), "s2 is to clean");
            assertFalse(agentFoldersOn("s1", "away").stream().anyMatch(Files::exists), "s1 is clean already");
            assertTrue(agentFoldersOn("s2", "away").stream().anyMatch(Files::exists), "s2 is not, yet");
        } finally {
            grid.grid().putBack(s2);
        }

        for (int tries = 0; tries < 300 && (Files.exists(grid.hq().home().resolve("destroyed").resolve("away.json"))
                || !grid.containerIds("away").isEmpty()); tries++) {
            Thread.sleep(100);
        }
        assertEquals(List.of(), grid.containerIds("away"), "the reconcile round removed them from s2");
        assertEquals(List.of(), agentFolders("away"), "and s2's folders of away");
        assertFalse(Files.exists(grid.hq().home().resolve("destroyed").resolve("away.json")));
    }

    @Test
    void aRestartUnderLoadReplacesEveryContainerWithoutBuildingAndFailsNoRequest() throws InterruptedException {
        GitWorkTree steady = grid.hq().workTree("steady");
        steady.write("quarry.yml", built("steady.test", 2)).write("public/index.html", "one\n").commit("one");
        steady.push(RunningHq.url("steady"), "main").requireSuccess();
        steady.write("public/index.html", "two\n").commit("two");
        steady.push(RunningHq.url("steady"), "main").requireSuccess();
        List<RunningContainer> before = grid.containers("steady");
        String builtBefore = grid.get("steady.test", "/built.txt").body();

        LoadLoop load = LoadLoop.start(grid.routerPort(), "steady.test", 4);
        CommandResult restart;
        LoadLoop.Result seen;
        try {
            awaitRequests(load, 200);
            restart = grid.hq().alice().run("restart", "steady").requireSuccess();
            awaitRequests(load, load.requests() + 200);
        } finally {
            seen = load.stop();
        }

        System.out.printf("restart under load: %d requests, %d failed%n", seen.succeeded() + seen.failed(),
                seen.failed());
        assertEquals(0, seen.failed(), "failed requests: " + seen.failures());
        List<RunningContainer> after = grid.containers("steady");
        assertEquals(List.of("steady.web.3.1", "steady.web.3.2"), after.stream().map(RunningContainer::id).toList(),
                restart.describe());
        Set<String> pidsBefore = before.stream().map(container -> container.status().handle())
                .collect(Collectors.toSet());
        assertTrue(after.stream().noneMatch(container -> pidsBefore.contains(container.status().handle())),
                "new processes: " + before + " then " + after);
        assertFalse(restart.stdoutLines().stream().anyMatch(line -> line.matches("-----> build web \\(.*")),
                "nothing was built: " + restart.describe());
        assertEquals(builtBefore, grid.get("steady.test", "/built.txt").body(), "the same build serves");
        assertEquals(new LoopbackHttp.Answer(200, "two\n"), grid.get("steady.test", "/"));
        assertTrue(grid.hq().alice().run("releases", "steady").requireSuccess().stdoutLines().stream()
                .anyMatch(line -> line.contains("restart")), "the restart is release 3");

        assertOneLine(grid.hq().alice().run("restart", "steady", "nope"),
                "quarry restart: steady has no node \"nope\"; its nodes: web");
        grid.hq().alice().run("rollback", "steady").requireSuccess();

        assertEquals(new LoopbackHttp.Answer(200, "one\n"), grid.get("steady.test", "/"),
                "rollback looks past the restart, to release 1");
    }

    /** A web node of {@code scale} with a build (it writes $HOME/downloaded and public/built.txt) and a release hook. */
    private static String built(String domain, int scale) {
        return """
                nodes:
                  web:
                    build:
                      - 'touch "$HOME/downloaded"; head -c 16 /dev/urandom | od -An -tx1 | tr -d " \\n" > public/built.txt'
                    run: exec busybox httpd -f -p "$HOST:$PORT" -h public
                    port: 8080
                    scale: %d
                    memory: 32M
                    domains: [%s]
                    hooks: {release: echo migrating}
                """.formatted(scale, domain);
    }

    private static void awaitRequests(LoadLoop load, int count) throws InterruptedException {
        for (int tries = 0; tries < 600 && load.requests() < count; tries++) {
            Thread.sleep(50);
        }
    }

    /** The kinds of folder ({@code sources}, {@code homes}...) any server still keeps for {@code app}, sorted. */
    private List<String> agentFolders(String app) {
        return Stream.of("s1", "s2").flatMap(server -> agentFoldersOn(server, app).stream()).filter(Files::exists)
                .map(folder -> folder.getParent().getFileName().toString()).distinct().sorted().toList();
    }

    private List<Path> agentFoldersOn(String server, String app) {
        Path home = grid.hq().home().resolve("local").resolve(server);
        return AGENT_FOLDERS.stream().map(folder -> home.resolve(folder).resolve(app)).toList();
    }

    /** The router's files (but its logs) that name {@code domain}. */
    /** The files of the router's live configuration (older generations are kept as they were) naming a domain. */
    private List<Path> routerFilesNaming(String domain) {
        Path router;
        try {
            router = grid.hq().home().resolve("router/live").toRealPath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (Stream<Path> files = Files.walk(router)) {
            return files.filter(Files::isRegularFile).filter(file -> read(file).contains(domain)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            return "";
        }
    }

    private static Set<String> servers(List<RunningContainer> containers) {
        return containers.stream().map(container -> container.server().id()).collect(Collectors.toSet());
    }

    private static void assertOneLine(CommandResult result, String line) {
        assertFalse(result.succeeded(), result.describe());
        assertEquals(List.of(line), result.stderrLines(), result.describe());
    }
}
