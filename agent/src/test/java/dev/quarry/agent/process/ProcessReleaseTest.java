package dev.quarry.agent.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.agent.home.AgentHome;
import dev.quarry.agent.hook.HookRequest;
import dev.quarry.agent.hook.HookResult;
import dev.quarry.agent.hook.Hooks;
import dev.quarry.agent.runtime.BuildOutcome;
import dev.quarry.agent.runtime.ContainerRequest;
import dev.quarry.agent.runtime.ContainerState;
import dev.quarry.agent.runtime.ContainerStatus;
import dev.quarry.agent.runtime.PrepareRequest;
import dev.quarry.agent.runtime.RuntimeFailure;
import dev.quarry.agent.supervise.Sleeper;
import dev.quarry.agent.testing.Busybox;
import dev.quarry.agent.testing.RuntimeFixture;
import dev.quarry.agent.testing.Waits;
import dev.quarry.compiler.spec.RestartPolicy;
import dev.quarry.compiler.spec.RestartSpec;
import dev.quarry.testsupport.LoopbackPorts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** What a process container's release brings: builds, hooks, a capped log, limits; and stops during backoff. */
class ProcessReleaseTest {
    private static final long SMALL_CAP = 16 * 1024;

    @TempDir
    Path temp;

    private AgentHome home;
    private RuntimeFixture fixture;

    @BeforeEach
    void startRuntime() {
        Busybox.require();
        home = new AgentHome(temp.resolve("home"));
        fixture = new RuntimeFixture(home, new ProcessLauncher(home, Path.of("/sys/fs/cgroup"), SMALL_CAP),
                Sleeper.SYSTEM);
        Busybox.writeApp(home.source("shop", 2), "release two");
    }

    @AfterEach
    void removeContainers() {
        fixture.close();
    }

    @Test
    void aFailedBuildSaysWhichCommandFailedWithItsLastLines() {
        ContainerRequest request = ContainerRequest.builder("shop.web.2.1", "127.0.0.1").run(Busybox.SERVE)
                .port(LoopbackPorts.free()).build("echo step one", "echo broken dependency >&2; exit 4").toRequest();

        RuntimeFailure failure = assertThrows(RuntimeFailure.class, () -> fixture.runtime().start(request));

        assertTrue(failure.getMessage().startsWith("build failed: echo broken dependency >&2; exit 4 exited 4"
                + " (build command 2 of 2 of shop/web release 2)"), failure.getMessage());
        assertTrue(failure.lines().contains("broken dependency"), failure.lines().toString());
        assertEquals(List.of(), fixture.runtime().list(), "a container whose build failed is not listed");
    }

    @Test
    void aBuildHandsOnEachLineAsItRunsAndSaysHowLongItTook() {
        PrepareRequest build = new PrepareRequest("shop", "web", 2, null, null, null,
                List.of("echo one; echo two >&2", "printf 'three\\nno newline'"), Map.of());
        List<String> lines = new java.util.concurrent.CopyOnWriteArrayList<>();

        BuildOutcome first = fixture.runtime().prepare(build, lines::add);
        BuildOutcome again = fixture.runtime().prepare(build, lines::add);

        assertEquals(List.of("one", "two", "three", "no newline"), lines);
        assertTrue(first.built(), first.toString());
        assertEquals(BuildOutcome.NOTHING, again, "built once per release");
    }

    @Test
    void aReleaseWithABuildKeyBuiltBeforeReusesThatBuildAndTheStackHomeIsKeptBetweenBuilds() throws Exception {
        Busybox.writeApp(home.source("shop", 3), "release three");
        Busybox.writeApp(home.source("shop", 4), "release four");
        List<String> build = List.of("echo run >> $HOME/runs; echo made > www/made.txt; wc -l < $HOME/runs");
        String key = "a".repeat(64);

        BuildOutcome first = fixture.runtime().prepare(prepare("web", 2, build, key));
        BuildOutcome again = fixture.runtime().prepare(prepare("web", 3, build, key));
        Object folder = Files.getAttribute(home.source("shop", 3), "unix:ino");
        BuildOutcome otherNode = fixture.runtime().prepare(prepare("worker", 3, build, key));
        List<String> fourth = new java.util.ArrayList<>();
        BuildOutcome otherKey = fixture.runtime().prepare(prepare("web", 4, build, "b".repeat(64)), fourth::add);

        assertTrue(first.built() && first.reusedRelease() == 0, first.toString());
        assertEquals(2, again.reusedRelease(), again.toString());
        assertEquals(2, otherNode.reusedRelease(), otherNode.toString());
        assertTrue(!again.built() && !otherNode.built() && otherKey.built(), otherKey.toString());
        assertEquals("made", Files.readString(home.source("shop", 3).resolve("www/made.txt")).strip());
        assertEquals(folder, Files.getAttribute(home.source("shop", 3), "unix:ino"),
                "the second node's reuse left the release's source in place (web's containers use it)");
        assertEquals("release two", Files.readString(home.source("shop", 3).resolve("www/index.html")).strip(),
                "release 3's source is now the kept build of its key (one key: one commit)");
        assertEquals(List.of("2"), fourth, "a second build finds what the first left in the stack's HOME");

        Busybox.writeApp(home.source("shop", 5), "release five");
        List<String> fifth = new java.util.ArrayList<>();
        fixture.runtime().prepare(new PrepareRequest("shop", "web", 5, null, null, null, build,
                Map.of("BUILD_CACHE", "off"), null), fifth::add);
        assertEquals(List.of(BuildCache.CLEARED, "1"), fifth, "BUILD_CACHE=off: the build starts from an empty HOME");
    }

    private static PrepareRequest prepare(String node, int release, List<String> build, String key) {
        return new PrepareRequest("shop", node, release, null, null, null, build, Map.of(), key);
    }

    @Test
    void aFailedBuildShowsItsFirstErrorLinesBeforeItsLastLines() {
        String noisy = "echo fetching; echo 'npm ERR! the lockfile is out of date'; echo 'Error: cannot go on';"
                + " i=0; while [ $i -lt 30 ]; do echo help text $i; i=$((i+1)); done; exit 1";
        PrepareRequest build = new PrepareRequest("shop", "web", 2, null, null, null, List.of(noisy), Map.of());

        RuntimeFailure failure = assertThrows(RuntimeFailure.class, () -> fixture.runtime().prepare(build));

        assertTrue(failure.getMessage().startsWith("build failed: " + noisy + " exited 1 ("), failure.getMessage());
        List<String> expected = new java.util.ArrayList<>(List.of("npm ERR! the lockfile is out of date",
                "Error: cannot go on", "..."));
        for (int i = 10; i < 30; i++) {
            expected.add("help text " + i);
        }
        assertEquals(expected, failure.lines());
    }

    @Test
    void aHookRunsOnceInTheReleaseSourceWhichItMayNotChange() {
        Hooks hooks = new Hooks(home);
        PrepareRequest release = new PrepareRequest("shop", "web", 2, null, null, null, List.of(), Map.of());
        HookRequest migrate = new HookRequest("release", release, "test -f www/up && ! touch changed 2>/dev/null"
                + " && echo migrated >> $HOME/migrations.txt && echo done $HOST", Map.of(), "127.0.0.1",
                Duration.ofMinutes(1));

        HookResult first = hooks.run(migrate, fixture.runtime()::runHook);
        HookResult retry = hooks.run(migrate, fixture.runtime()::runHook);

        assertEquals(0, first.exitCode());
        assertEquals(List.of("done 127.0.0.1"), first.output());
        assertTrue(retry.earlier());
        assertEquals(List.of("done 127.0.0.1"), retry.output());
    }

    @Test
    void aBuildWritesItsReleaseAndTheStacksHomeWhoseCacheTheNextReleaseFinds() throws Exception {
        Busybox.writeApp(home.source("shop", 3), "release three");
        String build = "test -f $HOME/cache/deps && echo reused > www/cache.txt || echo fresh > www/cache.txt;"
                + " mkdir -p $HOME/cache && echo fetched > $HOME/cache/deps";
        PrepareRequest two = new PrepareRequest("shop", "web", 2, null, null, null, List.of(build), Map.of());
        PrepareRequest three = new PrepareRequest("shop", "web", 3, null, null, null, List.of(build), Map.of());

        fixture.runtime().prepare(two);
        fixture.runtime().prepare(three);

        assertEquals("fresh", Files.readString(home.source("shop", 2).resolve("www/cache.txt")).strip());
        assertEquals("reused", Files.readString(home.source("shop", 3).resolve("www/cache.txt")).strip());
        assertEquals("fetched", Files.readString(home.stackHome("shop").resolve("cache/deps")).strip());
        assertEquals("rwx------", java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(home.stackHome("shop"))));
    }

    @Test
    void theLogMovesAsideOnceItPassesItsCap() throws Exception {
        String dots = ".".repeat(66);
        String chatter = "i=0; while [ $i -lt 400 ]; do echo \"line $i " + dots + "\"; i=$((i+1)); done; exec sleep 1000";
        ContainerRequest request = ContainerRequest.builder("shop.chatty.2.1", "127.0.0.1").run(chatter)
                .port(LoopbackPorts.free()).toRequest();
        fixture.runtime().start(request);
        Path log = home.log(request.containerId());

        Waits.until("the log to move aside", () -> Files.exists(log.resolveSibling(log.getFileName() + ".1")),
                moved -> moved);

        assertEquals(List.of("line 399 " + dots), Waits.until("the last line",
                () -> fixture.runtime().logs(request.id(), 1), lines -> lines.equals(List.of("line 399 " + dots))));
        assertTrue(Files.size(log) <= SMALL_CAP, "the current log is back under its cap once the writing stopped");
    }

    @Test
    void limitsAreWrittenToTheContainersCgroupsOnV1OrV2() throws Exception {
        ContainerRequest request = ContainerRequest.builder("shop.web.2.1", "127.0.0.1").run(Busybox.SERVE)
                .port(LoopbackPorts.free()).memoryMebibytes(64).cpuMillicores(500).toRequest();

        ContainerStatus status = fixture.runtime().start(request);

        assertEquals(List.of(), status.notes(), "this machine enforces memory, cpu and pids limits");
        String group = "quarry-" + home.agentId() + "/" + request.id();
        Path root = Path.of("/sys/fs/cgroup");
        if (Files.exists(root.resolve("cgroup.controllers"))) {
            assertEquals("67108864", Files.readString(root.resolve(group).resolve("memory.max")).strip());
            assertEquals("50000 100000", Files.readString(root.resolve(group).resolve("cpu.max")).strip());
            assertEquals("1024", Files.readString(root.resolve(group).resolve("pids.max")).strip());
        } else {
            assertEquals("67108864", Files.readString(root.resolve("memory").resolve(group)
                    .resolve("memory.limit_in_bytes")).strip());
            assertEquals("50000", Files.readString(root.resolve("cpu").resolve(group).resolve("cpu.cfs_quota_us")).strip());
            assertEquals("1024", Files.readString(root.resolve("pids").resolve(group).resolve("pids.max")).strip());
        }
        Path leader = Path.of("/proc", status.handle(), "cgroup");
        Waits.until("the sandbox to join the container's cgroups", () -> readQuietly(leader),
                text -> text.contains(request.id()));
    }

    @Test
    @Timeout(60)
    void aStopDuringTheBackoffEndsTheWaitAtOnce() {
        RestartSpec slow = new RestartSpec(RestartPolicy.ALWAYS, 0, Duration.ofHours(1));
        ContainerRequest request = ContainerRequest.builder("shop.flaky.2.1", "127.0.0.1").run("exit 1")
                .port(LoopbackPorts.free()).restart(slow).toRequest();
        fixture.runtime().start(request);
        fixture.awaitState(request.id(), ContainerState.RESTARTING);

        ContainerStatus stopped = fixture.runtime().stop(request.id(), Duration.ZERO).orElseThrow();

        assertEquals(ContainerState.STOPPED, stopped.state());
        assertEquals(ContainerState.RUNNING, fixture.runtime().start(request).state(), "a stopped one starts again");
    }

    private static String readQuietly(Path file) {
        try {
            return Files.readString(file);
        } catch (java.io.IOException e) {
            return "";
        }
    }
}
