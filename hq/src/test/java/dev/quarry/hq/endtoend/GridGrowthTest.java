package dev.quarry.hq.endtoend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.hq.grid.GridSettings;
import dev.quarry.hq.grid.ServerSettings;
import dev.quarry.router.model.RouterSettings;
import dev.quarry.testsupport.BusyboxImage;
import dev.quarry.testsupport.CommandResult;
import dev.quarry.testsupport.GitWorkTree;
import dev.quarry.testsupport.LoopbackPorts;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A full grid adds a local server when it may, and refuses a push with slicegrid's counted reasons when it may
 * not; a server left empty above the minimum is given back.
 */
class GridGrowthTest {
    @TempDir
    Path root;

    @Test
    void aFullGridStartsAServerUpToItsMaximumThenRefusesWithTheReasonsCounted() throws InterruptedException {
        BusyboxImage.requireBusybox();
        GridSettings settings = GridSettings.of(RouterSettings.local(LoopbackPorts.free()), 1).withMaxServers(2)
                .withDrainGrace(Duration.ZERO).withReconcilePeriod(RunningGrid.QUIET);
        try (RunningGrid grid = new RunningGrid(RunningHq.startWithGrid(root, settings), settings.router().listenPort())) {
            GitWorkTree big = grid.hq().workTree("big");
            big.write("quarry.yml", bigNode(3)).write("public/index.html", "big\n").commit("three");

            CommandResult refused = big.push(RunningHq.url("big"), "main");

            assertFalse(refused.succeeded(), refused.describe());
            assertTrue(GitWorkTree.remoteLines(refused).stream().anyMatch(line -> line.equals("-----> failed:"
                    + " big/web: cannot place big.web.1.3: the grid is full: 0 of 2 servers fit: 2 short of memory;"
                    + " the grid has reached its maximum of 2 servers; add a server, or lower the memory or cpu of"
                    + " big/web@1")), refused.describe());
            assertTrue(GitWorkTree.remoteLines(refused).contains("-----> grid full: adding a server (8 GiB, 8 cpus)"
                    + " …"), refused.describe());
            assertEquals(List.of(), grid.containerIds("big"), "the failed push left nothing running");
            assertTrue(grid.grid().awaitNoneLeaving(Duration.ofSeconds(60)));
            assertEquals(1, grid.grid().servers().size(), "the server emptied by the rollback was given back: "
                    + grid.grid().servers().stream().map(ServerSettings::id).toList());

            big.write("quarry.yml", bigNode(2)).commit("two");
            big.push(RunningHq.url("big"), "main").requireSuccess();
            assertEquals(List.of("big.web.2.1", "big.web.2.2"), grid.containerIds("big"));
        }
    }

    private static String bigNode(int scale) {
        return """
                nodes:
                  web:
                    run: exec busybox httpd -f -p "$HOST:$PORT" -h public
                    port: 8080
                    scale: %d
                    memory: 5G
                """.formatted(scale);
    }
}
