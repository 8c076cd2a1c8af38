package dev.quarry.hq.endtoend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.hq.grid.GridSettings;
import dev.quarry.hq.grid.RunningContainer;
import dev.quarry.hq.grid.ServerSettings;
import dev.quarry.hq.grid.ServerSource;
import dev.quarry.hq.state.JsonValues;
import dev.quarry.router.model.RouterSettings;
import dev.quarry.slicegrid.model.Resources;
import dev.quarry.testsupport.BusyboxImage;
import dev.quarry.testsupport.GitWorkTree;
import dev.quarry.testsupport.LoopbackHttp;
import dev.quarry.testsupport.LoopbackPorts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A lost server, for real, with pacific's local provider: a web node of scale 2 runs on two servers (each
 * container needs more than half a server); one server's agent and app are killed with SIGKILL (a dead
 * machine). HQ's heartbeat finds it suspect, then down after the server TTL; its container is placed on a
 * new server from the provider, started, health-checked and routed, while a client keeps asking the router.
 * The server comes back: its stale containers are removed before it takes work, and no container runs twice.
 */
class ServerLossTest {
    private static final Duration TTL = Duration.ofSeconds(3);

    @TempDir
    Path root;

    @Test
    void aKilledServerIsDownWithinItsTtlAndItsContainerRunsElsewhereWithoutDuplicatesOnReturn() throws Exception {
        BusyboxImage.requireBusybox();
        GridSettings settings = GridSettings.of(RouterSettings.local(LoopbackPorts.free()), 2).withMaxServers(3)
                .withSource(ServerSource.LOCAL).withServerCapacity(Resources.of(1024, 1000))
                .withDrainGrace(Duration.ofMillis(200)).withReconcilePeriod(RunningGrid.QUIET).withServerTtl(TTL);
        Path providerHome = root.resolve("home/local-servers");
        List<ProcessHandle> killed = new ArrayList<>();
        try (RunningGrid grid = new RunningGrid(RunningHq.startWithGrid(root, settings),
                settings.router().listenPort())) {
            GitWorkTree app = grid.hq().workTree("lost");
            app.write("quarry.yml", node()).write("public/index.html", "lost and found\n").commit("two");
            app.push(RunningHq.url("lost"), "main").requireSuccess();
            List<RunningContainer> before = grid.containers("lost");
            assertEquals(List.of("s1", "s2"), before.stream().map(container -> container.server().id()).sorted()
                    .toList(), "one container per server");
            RunningContainer victim = before.stream().filter(container -> container.server().id().equals("s2"))
                    .findFirst().orElseThrow();
            ServerSettings lost = victim.server();

            Load load = Load.start(grid);
            long killedAt = System.nanoTime();
            killed.addAll(kill(providerHome, lost, victim));

            long downAt = waitFor(() -> serverLine(grid, "s2").matches("s2 .* down since \\S+Z: .*"), "s2 down");
            long servedAt = waitFor(() -> runsElsewhere(grid, victim.id(), "s2") && routesBoth(grid),
                    victim.id() + " running elsewhere and routed");
            int failed = load.stop();

            List<RunningContainer> after = grid.containers("lost");
            assertEquals(List.of("lost.web.1.1", "lost.web.1.2"), after.stream().map(RunningContainer::id).toList());
            assertTrue(after.stream().noneMatch(container -> container.server().id().equals("s2")), after.toString());
            assertTrue(grid.grid().servers().stream().anyMatch(server -> server.id().equals("s3")),
                    "a server was added: s1 has no room for a second container");
            assertEquals("lost and found\n", grid.get("lost.test", "/").body());
            String table = grid.hq().alice().run("servers").requireSuccess().stdout();
            assertTrue(table.lines().anyMatch(line -> line.matches("s2 .* down since \\S+Z: .*")), table);

            long resumedAt = System.nanoTime();
            LocalServers.provider(root.resolve("home"), providerHome).resume(lost.providerId());
            List<List<String>> seenWhileUp = new ArrayList<>();
            long backAt = waitFor(() -> backOrGivenBack(grid, seenWhileUp), "s2 back and up, or given back");

            List<String> running = allContainerIds(grid);
            assertEquals(new HashSet<>(running).size(), running.size(), "no container runs twice: " + running);
            assertEquals(List.of("lost.web.1.1", "lost.web.1.2"), grid.containerIds("lost"));
            assertTrue(seenWhileUp.stream().allMatch(List::isEmpty), "s2 took work only once its stale containers were"
                    + " gone: " + seenWhileUp);
            assertEquals("lost and found\n", grid.get("lost.test", "/").body());
            System.out.printf("server loss (TTL %d s): down %.1f s after the kill, replacement healthy and routed"
                    + " after %.1f s, back and cleared (or given back) %.1f s after its agent was started again;"
                    + " %d of %d requests failed under load%n", TTL.toSeconds(), seconds(downAt - killedAt),
                    seconds(servedAt - killedAt), seconds(backAt - resumedAt), failed, load.total());
            assertFalse(grid.grid().isAway("s2"));
            assertTrue(grid.grid().awaitNoneLeaving(Duration.ofSeconds(60)), "an empty server is given back");
        } finally {
            killed.forEach(ProcessHandle::destroyForcibly);
            LocalServers.removeAll(root.resolve("home"), providerHome);
        }
    }

    @Test
    void aContainerThatStillAnswersKeepsItsRouteWhileItsAgentIsAwayAndLosesItWhenItStopsAnswering() throws Exception {
        BusyboxImage.requireBusybox();
        GridSettings settings = GridSettings.of(RouterSettings.local(LoopbackPorts.free()), 2).withMaxServers(2)
                .withSource(ServerSource.LOCAL).withServerCapacity(Resources.of(1024, 1000))
                .withDrainGrace(Duration.ofMillis(200)).withReconcilePeriod(Duration.ofMillis(500))
                .withServerTtl(Duration.ofMinutes(10));
        Path providerHome = root.resolve("home/local-servers");
        List<ProcessHandle> killed = new ArrayList<>();
        try (RunningGrid grid = new RunningGrid(RunningHq.startWithGrid(root, settings),
                settings.router().listenPort())) {
            GitWorkTree app = grid.hq().workTree("lost");
            app.write("quarry.yml", node()).write("public/index.html", "still here\n").commit("two");
            app.push(RunningHq.url("lost"), "main").requireSuccess();
            RunningContainer victim = grid.containers("lost").stream()
                    .filter(container -> container.server().id().equals("s2")).findFirst().orElseThrow();
            assertTrue(routed(grid, victim.address()), "routed at first");

            killed.addAll(killAgent(providerHome, victim.server()));
            waitFor(() -> serverLine(grid, "s2").matches("s2 .* suspect since \\S+Z: .*"), "s2 suspect");
            Thread.sleep(2000);

            assertTrue(routed(grid, victim.address()), "a container that answers keeps its route while its agent is"
                    + " away, through reconcile rounds");
            assertEquals("still here\n", grid.get("lost.test", "/").body());

            // The container's handle is its sandbox (bubblewrap); the app runs inside it as a descendant.
            ProcessHandle appProcess = ProcessHandle.of(Long.parseLong(victim.status().handle())).orElseThrow();
            List<ProcessHandle> sandbox = new ArrayList<>(List.of(appProcess));
            appProcess.descendants().forEach(sandbox::add);
            killed.addAll(sandbox);
            long stoppedAt = System.nanoTime();
            for (ProcessHandle process : sandbox) {
                process.destroyForcibly();
                process.onExit().get();
            }
            long unroutedAt = waitFor(() -> !routed(grid, victim.address()), victim.address() + " out of the router");

            assertEquals("still here\n", grid.get("lost.test", "/").body());
            System.out.printf("route follows the container: out of the router %.1f s after it stopped answering"
                    + " (reconcile every 0.5 s)%n", seconds(unroutedAt - stoppedAt));
            LocalServers.provider(root.resolve("home"), providerHome).resume(victim.server().providerId());
            waitFor(() -> serverLine(grid, "s2").matches("s2 .* up since .*"), "s2 up again");
        } finally {
            killed.forEach(ProcessHandle::destroyForcibly);
            LocalServers.removeAll(root.resolve("home"), providerHome);
        }
    }

    @Test
    void aServerDownPastReplaceAfterIsGivenBackAndReplacedToKeepTheMinimum() throws Exception {
        BusyboxImage.requireBusybox();
        GridSettings settings = GridSettings.of(RouterSettings.local(LoopbackPorts.free()), 2).withMaxServers(2)
                .withSource(ServerSource.LOCAL).withServerCapacity(Resources.of(1024, 1000))
                .withDrainGrace(Duration.ofMillis(200)).withReconcilePeriod(RunningGrid.QUIET).withServerTtl(TTL)
                .withReplaceAfter(Duration.ofSeconds(2));
        Path providerHome = root.resolve("home/local-servers");
        List<ProcessHandle> killed = new ArrayList<>();
        try (RunningGrid grid = new RunningGrid(RunningHq.startWithGrid(root, settings),
                settings.router().listenPort())) {
            GitWorkTree app = grid.hq().workTree("lost");
            app.write("quarry.yml", node().replace("600M", "300M")).write("public/index.html", "replaced\n")
                    .commit("small");
            app.push(RunningHq.url("lost"), "main").requireSuccess();
            ServerSettings lost = grid.grid().server("s2").orElseThrow();
            Optional<RunningContainer> onLost = grid.containers("lost").stream()
                    .filter(container -> container.server().id().equals("s2")).findFirst();

            long lostAgent = agentPid(providerHome, lost);
            long killedAt = System.nanoTime();
            killed.addAll(onLost.isPresent() ? kill(providerHome, lost, onLost.get()) : killAgent(providerHome, lost));
            waitFor(() -> serverLine(grid, "s2").matches("s2 .* down since \\S+Z: .*"), "s2 down");
            long replacedAt = waitFor(() -> replaced(grid, providerHome, lostAgent),
                    "s2 given back and a new server up in its place");

            List<ServerSettings> servers = grid.grid().servers();
            assertEquals(2, servers.size(), servers.toString());
            waitFor(() -> grid.containers("lost").size() == 2, "both containers running");
            assertEquals("replaced\n", grid.get("lost.test", "/").body());
            String table = grid.hq().alice().run("servers").requireSuccess().stdout();
            assertEquals(2, table.lines().filter(line -> line.matches("s[0-9]+ .* up since .*")).count(), table);
            System.out.printf("server replacement (TTL %d s, replace after 2 s): the lost server given back and a new"
                    + " one up %.1f s after the kill%n", TTL.toSeconds(), seconds(replacedAt - killedAt));
        } finally {
            killed.forEach(ProcessHandle::destroyForcibly);
            LocalServers.removeAll(root.resolve("home"), providerHome);
        }
    }

    /**
     * Whether the grid has its two servers again, every one up with a live agent that is not the lost one's (the
     * local provider hands the freed id and address out again, so the agent is what tells the machines apart).
     */
    private static boolean replaced(RunningGrid grid, Path providerHome, long lostAgent) {
        List<ServerSettings> servers = grid.grid().servers();
        return servers.size() == 2 && servers.stream().allMatch(server -> {
            try {
                long agent = agentPid(providerHome, server);
                return agent != lostAgent && ProcessHandle.of(agent).map(ProcessHandle::isAlive).orElse(false)
                        && grid.grid().liveness(server.id()).map(live -> live.state().word().equals("up"))
                                .orElse(false);
            } catch (Exception e) {
                return false;
            }
        });
    }

    private static long agentPid(Path providerHome, ServerSettings server) throws Exception {
        return JsonValues.MAPPER.readTree(Files.readString(providerHome.resolve("servers")
                .resolve(server.providerId()).resolve("local.json"))).get("agentPid").asLong();
    }

    /** Whether the router's live nginx configuration sends requests to {@code address}. */
    private static boolean routed(RunningGrid grid, String address) {
        try (java.util.stream.Stream<Path> files = Files.walk(grid.hq().home().resolve("router/live").toRealPath())) {
            return files.filter(Files::isRegularFile).anyMatch(file -> {
                try {
                    return Files.readString(file).contains(address);
                } catch (java.io.IOException e) {
                    return false;
                }
            });
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** SIGKILL of the server's agent only: its containers keep running (a partition between HQ and the agent). */
    private static List<ProcessHandle> killAgent(Path providerHome, ServerSettings server) throws Exception {
        long agentPid = JsonValues.MAPPER.readTree(Files.readString(providerHome.resolve("servers")
                .resolve(server.providerId()).resolve("local.json"))).get("agentPid").asLong();
        ProcessHandle agent = ProcessHandle.of(agentPid).orElseThrow();
        agent.destroyForcibly();
        agent.onExit().get();
        return List.of(agent);
    }

    /** SIGKILL of the server's agent, then of the container's process and its children: a dead machine. */
    private static List<ProcessHandle> kill(Path providerHome, ServerSettings server, RunningContainer container)
            throws Exception {
        long agentPid = JsonValues.MAPPER.readTree(Files.readString(providerHome.resolve("servers")
                .resolve(server.providerId()).resolve("local.json"))).get("agentPid").asLong();
        List<ProcessHandle> handles = new ArrayList<>();
        ProcessHandle.of(agentPid).ifPresent(handles::add);
        ProcessHandle.of(Long.parseLong(container.status().handle())).ifPresent(app -> {
            handles.add(app);
            app.descendants().forEach(handles::add);
        });
        for (ProcessHandle handle : handles) {
            handle.destroyForcibly();
            handle.onExit().get();
        }
        return handles;
    }

    /**
     * Whether s2 is up again (what its agent runs then is recorded in {@code seenWhileUp}) or was given back
     * (empty above the grid's minimum).
     */
    private static boolean backOrGivenBack(RunningGrid grid, List<List<String>> seenWhileUp) {
        Optional<ServerSettings> server = grid.grid().server("s2");
        if (server.isEmpty()) {
            return true;
        }
        boolean up = grid.grid().liveness("s2").map(live -> live.state().word().equals("up")).orElse(false);
        if (!up || grid.grid().isLeaving("s2")) {
            return grid.grid().isLeaving("s2");
        }
        try {
            seenWhileUp.add(grid.grid().agent(server.get()).list().containers().stream()
                    .map(dev.quarry.agent.runtime.ContainerStatus::id).toList());
        } catch (dev.quarry.agent.client.AgentException e) {
            return false;
        }
        return true;
    }

    private static String serverLine(RunningGrid grid, String id) {
        return grid.hq().alice().run("servers").requireSuccess().stdoutLines().stream()
                .filter(line -> line.startsWith(id + " ")).findFirst().orElse("");
    }

    private static boolean runsElsewhere(RunningGrid grid, String id, String lostServer) {
        return grid.containers("lost").stream().anyMatch(container -> container.id().equals(id)
                && !container.server().id().equals(lostServer) && container.status().state().isActive());
    }

    /** The router serves the app (a few requests, round robin over both containers), both run, s2 is away. */
    private static boolean routesBoth(RunningGrid grid) {
        for (int attempt = 0; attempt < 6; attempt++) {
            LoopbackHttp.Answer answer = grid.get("lost.test", "/");
            if (answer.status() != 200) {
                return false;
            }
        }
        return grid.containers("lost").size() == 2 && grid.grid().list().unreachable().keySet().equals(Set.of("s2"));
    }

    private static List<String> allContainerIds(RunningGrid grid) {
        return grid.grid().list().containers().stream().map(RunningContainer::id).sorted().toList();
    }

    /** Waits (at most two minutes) until the condition holds; answers when it did, from System.nanoTime. */
    private static long waitFor(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return System.nanoTime();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("waited two minutes for " + what);
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    private static String node() {
        return """
                nodes:
                  web:
                    run: exec busybox httpd -f -p "$HOST:$PORT" -h public
                    port: 8080
                    scale: 2
                    memory: 600M
                    cpu: 250m
                    domains: [lost.test]
                    health: {path: /index.html, interval: 100ms, deadline: 20s}
                """;
    }

    /** A client asking the router for the app every 20 ms, counting the answers that are not 200. */
    private static final class Load {
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final AtomicInteger failed = new AtomicInteger();
        private final AtomicInteger total = new AtomicInteger();
        private Thread thread;

        static Load start(RunningGrid grid) {
            Load load = new Load();
            load.thread = Thread.ofVirtual().name("load").start(() -> {
                while (load.running.get()) {
                    load.total.incrementAndGet();
                    try {
                        if (grid.get("lost.test", "/").status() != 200) {
                            load.failed.incrementAndGet();
                        }
                    } catch (AssertionError e) {
                        load.failed.incrementAndGet();
                    }
                    try {
                        Thread.sleep(20);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            return load;
        }

        int stop() throws InterruptedException {
            running.set(false);
            thread.join();
            return failed.get();
        }

        int total() {
            return total.get();
        }
    }
}
