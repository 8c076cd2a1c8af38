package dev.quarry.hq.grid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.hq.state.FileStateStore;
import dev.quarry.slicegrid.model.Resources;
import dev.quarry.slicegrid.model.Slice;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Servers left empty above the minimum that no freed container gave back (an HQ stopped while removing
 * one) are given back after reconciling, newest first, down to the minimum and never a busy one; a
 * removal that fails puts the server back on the grid, to be tried again.
 */
class GridShrinkTest {
    @TempDir
    Path home;

    @Test
    void emptyServersAboveTheMinimumAreGivenBackNewestFirstAndBusyOnesStay() throws Exception {
        FileStateStore store = new FileStateStore(home);
        ServerStore servers = new ServerStore(store);
        for (String id : List.of("s1", "s2", "s3", "s10")) {
            servers.save(ServerSettings.of(id, "127.0.0.1", 1, Resources.of(1024, 1000), List.of(), ""));
        }
        List<String> removed = new CopyOnWriteArrayList<>();
        ServerSupply supply = new ServerSupply("test", request -> {
            throw new IOException("not asked in this test");
        }, server -> removed.add(server.id()));
        try (Agents agents = Agents.open(AgentKey.ensure(home.resolve("etc")), home.resolve("etc/known_hosts"))) {
            Grid grid = Grid.open(servers, agents, store, home.resolve("grid/grid.json"), Optional.of(supply), 2, 4,
                    Resources.of(1024, 1000));
            grid.adopt(Slice.of("shop.web.1.1", Resources.of(512, 250)), "s1");

            grid.giveBackEmpty();

            assertTrue(grid.awaitNoneLeaving(Duration.ofSeconds(60)));
            assertEquals(java.util.Set.of("s10", "s3"), java.util.Set.copyOf(removed), "the two newest empty ones");
            assertEquals(2, removed.size());
            assertEquals(List.of("s1", "s2"), grid.servers().stream().map(ServerSettings::id).toList());
            assertEquals(List.of("s1", "s2"), grid.snapshot().blocks().stream().map(load -> load.block().id())
                    .toList());
        }
    }

    @Test
    void aServerThatCannotBeRemovedGoesBackOnTheGrid() throws Exception {
        FileStateStore store = new FileStateStore(home);
        ServerStore servers = new ServerStore(store);
        for (String id : List.of("s1", "s2")) {
            servers.save(ServerSettings.of(id, "127.0.0.1", 1, Resources.of(1024, 1000), List.of(), ""));
        }
        List<String> attempts = new CopyOnWriteArrayList<>();
        ServerSupply supply = new ServerSupply("test", request -> {
            throw new IOException("not asked in this test");
        }, server -> {
            attempts.add(server.id());
            throw new IOException("pacific: the cloud said no");
        });
        try (Agents agents = Agents.open(AgentKey.ensure(home.resolve("etc")), home.resolve("etc/known_hosts"))) {
            Grid grid = Grid.open(servers, agents, store, home.resolve("grid/grid.json"), Optional.of(supply), 1, 2,
                    Resources.of(1024, 1000));

            grid.giveBackEmpty();

            assertTrue(grid.awaitNoneLeaving(Duration.ofSeconds(60)));
            assertEquals(List.of("s2", "s2", "s2"), attempts, "the newest empty server, asked three times");
            assertEquals(List.of("s1", "s2"), grid.servers().stream().map(ServerSettings::id).toList());
            assertEquals(List.of("s1", "s2"), grid.snapshot().blocks().stream().map(load -> load.block().id())
                    .toList(), "s2 is back on the grid, to be tried again");
        }
    }
}
