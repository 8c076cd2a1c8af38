package dev.quarry.hq.endtoend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.agent.runtime.ContainerPhase;
import dev.quarry.hq.grid.RunningContainer;
import dev.quarry.testsupport.BusyboxImage;
import dev.quarry.testsupport.GitWorkTree;
import dev.quarry.testsupport.LoadLoop;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A web node of scale 2 whose health CGI answers 500 (or never answers) for one container while the release
 * on its server holds {@code bad-PORT} (or {@code hang-PORT}): the agent finds it unhealthy, HQ takes it out of
 * the router, the agent restarts it, and it is routed again only once it passes; a client asking the router
 * all along sees no failed request, and {@code ps} shows the states and the probes.
 */
class LivenessRoutingTest {
    private static final String UP_SCRIPT = """
            #!/bin/sh
            if [ -e /app/hang-$PORT ]; then sleep 1000; fi
            if [ -e /app/bad-$PORT ]; then printf 'Status: 500 Internal Server Error\\r\\n\\r\\nbad\\n'; exit 0; fi
            printf 'Content-Type: text/plain\\r\\n\\r\\nok\\n'
            """;

    @TempDir
    Path root;

    private static final String QUICK = "    liveness: {interval: 200ms, timeout: 500ms, failures: 2}\n";

    @Test
    void aContainerAnswering500LeavesTheRouterIsRestartedAndComesBackWithoutAFailedRequest() throws Exception {
        unhealthyOneOfTwo("bad", "HTTP 500", QUICK);
    }

    @Test
    void aHungContainerLeavesTheRouterIsRestartedAndComesBackWithoutAFailedRequest() throws Exception {
        unhealthyOneOfTwo("hang", "no answer within 500 ms", QUICK);
    }

    /** The same with the default liveness (every 10 s, 3 failures, 2 s timeout): the figures of the benchmark. */
    @Test
    void withTheDefaultLivenessTheSameHappensWithinHalfAMinute() throws Exception {
        unhealthyOneOfTwo("hang", "no answer within 2000 ms", "");
    }

    private void unhealthyOneOfTwo(String trouble, String answer, String liveness) throws Exception {
        BusyboxImage.requireBusybox();
        try (RunningGrid grid = RunningGrid.start(root, 1)) {
            GitWorkTree app = grid.hq().workTree("alive");
            app.write("quarry.yml", node(liveness)).write("www/index.html", "alive\n").write("www/cgi-bin/up", UP_SCRIPT);
            Files.setPosixFilePermissions(app.directory().resolve("www/cgi-bin/up"),
                    java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
            app.commit("liveness");
            app.push(RunningHq.url("alive"), "main").requireSuccess();
            List<RunningContainer> both = grid.containers("alive");
            assertEquals(2, both.size(), both.toString());
            RunningContainer victim = both.getFirst();
            Path marker = releaseFolder(grid).resolve(trouble + "-" + victim.status().port());

            LoadLoop load = LoadLoop.start(grid.routerPort(), "alive.test", 2);
            long troubleAt = System.nanoTime();
            Files.writeString(marker, "");
            waitFor(() -> phase(grid, victim.id()) == ContainerPhase.UNHEALTHY, victim.id() + " unhealthy");
            long unroutedAt = waitFor(() -> !routed(grid, victim.address()), victim.address() + " out of the router");
            waitFor(() -> restarts(grid, victim.id()) >= 1, victim.id() + " restarted");
            String psWhileDown = grid.hq().alice().run("ps", "alive", "--health").requireSuccess().stdout();
            Files.delete(marker);
            long fixedAt = System.nanoTime();
            long backAt = waitFor(() -> phase(grid, victim.id()) == ContainerPhase.UP && routed(grid,
                    victim.address()), victim.id() + " up and routed again");
            LoadLoop.Result result = load.stop();

            assertEquals(0, result.failed(), result.failures().toString());
            assertTrue(result.succeeded() > 0);
            assertTrue(psWhileDown.contains(victim.id() + " health:"), psWhileDown);
            assertTrue(psWhileDown.lines().anyMatch(line -> line.contains("FAIL") && line.endsWith(answer)),
                    psWhileDown);
            assertTrue(psWhileDown.contains("stopped: failed its liveness probe"), psWhileDown);
            String json = grid.hq().alice().run("ps", "alive", "--json").requireSuccess().stdout();
            assertTrue(json.replaceAll("\\s", "").contains("\"container\":\"" + victim.id() + "\""), json);
            assertEquals(2, json.replaceAll("\\s", "").split("\"state\":\"up\"", -1).length - 1,
                    "both up again: " + json);
            System.out.printf("liveness (%s, %s): out of the router %.1f s after it turned bad, up and routed again"
                    + " %.1f s after it was fixed; %d requests, %d failed%n", trouble, liveness.isEmpty() ? "defaults"
                    : liveness.strip(),
                    (unroutedAt - troubleAt) / 1e9, (backAt - fixedAt) / 1e9, result.succeeded(), result.failed());
        }
    }

    private static String node(String liveness) {
        return """
                nodes:
                  web:
                    run: exec busybox httpd -f -p "$HOST:$PORT" -h www
                    port: 8080
                    scale: 2
                    domains: [alive.test]
                    health: {path: /cgi-bin/up, deadline: 30s}
                """ + liveness;
    }

    private static Path releaseFolder(RunningGrid grid) throws IOException {
        try (Stream<Path> folders = Files.walk(grid.hq().home())) {
            return folders.filter(folder -> folder.endsWith(Path.of("sources", "alive", "1"))).findFirst()
                    .orElseThrow(() -> new AssertionError("no release folder of alive on the server"));
        }
    }

    private static ContainerPhase phase(RunningGrid grid, String id) {
        return grid.containers("alive").stream().filter(container -> container.id().equals(id)).findFirst()
                .map(container -> container.status().phase()).orElse(null);
    }

    private static int restarts(RunningGrid grid, String id) {
        return grid.containers("alive").stream().filter(container -> container.id().equals(id)).findFirst()
                .map(container -> container.status().restarts()).orElse(0);
    }

    private static boolean routed(RunningGrid grid, String address) {
        try (Stream<Path> files = Files.walk(grid.hq().home().resolve("router/live").toRealPath())) {
            return files.filter(Files::isRegularFile).anyMatch(file -> {
                try {
                    return Files.readString(file).contains(address);
                } catch (IOException e) {
                    return false;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long waitFor(BooleanSupplier done, String what) throws InterruptedException {
        long deadline = System.nanoTime() + 90_000_000_000L;
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("gave up waiting for " + what);
            }
            Thread.sleep(50);
        }
        return System.nanoTime();
    }
}
