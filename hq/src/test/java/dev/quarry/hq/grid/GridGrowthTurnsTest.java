package dev.quarry.hq.grid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.quarry.hq.state.FileStateStore;
import dev.quarry.slicegrid.model.Resources;
import dev.quarry.slicegrid.model.Slice;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * While a server is being added (a droplet takes minutes), a container that fits the grid is placed at
 * once, and a second container that needs room waits for the server being added instead of asking for
 * another.
 */
class GridGrowthTurnsTest {
    @TempDir
    Path home;

    @Test
    void aSlowAddBlocksOnlyThePlacementsThatNeedAServer() throws Exception {
        FileStateStore store = new FileStateStore(home);
        ServerStore servers = new ServerStore(store);
        servers.save(ServerSettings.of("s1", "127.0.0.1", 1, Resources.of(1024, 1000), List.of(), ""));
        CountDownLatch asked = new CountDownLatch(1);
        CountDownLatch made = new CountDownLatch(1);
        AtomicInteger adds = new AtomicInteger();
        ServerStarter slow = request -> {
            adds.incrementAndGet();
            asked.countDown();
            try {
                made.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return ServerSettings.of(request.id(), "127.0.0.2", 1, request.capacity(), List.of(), "");
        };
        ServerSupply supply = new ServerSupply("slow", slow, server -> { });
        try (Agents agents = Agents.open(AgentKey.ensure(home.resolve("etc")), home.resolve("etc/known_hosts"));
                java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors
                        .newVirtualThreadPerTaskExecutor()) {
            Grid grid = Grid.open(servers, agents, store, home.resolve("grid/grid.json"), Optional.of(supply), 1, 3,
                    Resources.of(4096, 4000));

            CompletableFuture<ServerChoice> big = CompletableFuture.supplyAsync(
                    () -> grid.place(Slice.of("shop.web.1.1", Resources.of(2048, 500))), threads);
            assertEquals(true, asked.await(30, TimeUnit.SECONDS), "the provider was asked for a server");
            CompletableFuture<ServerChoice> bigToo = CompletableFuture.supplyAsync(
                    () -> grid.place(Slice.of("shop.web.1.2", Resources.of(1536, 500))), threads);
            ServerChoice small;
            try {
                small = CompletableFuture.supplyAsync(
                        () -> grid.place(Slice.of("shop.worker.1.1", Resources.of(256, 250))), threads)
                        .get(30, TimeUnit.SECONDS);
            } finally {
                made.countDown();
            }

            assertEquals("s1", assertInstanceOf(ServerChoice.Placed.class, small).server().id(),
                    "placed while the server was being added");
            assertEquals("s2", assertInstanceOf(ServerChoice.Placed.class, big.get(30, TimeUnit.SECONDS)).server().id());
            assertEquals("s2", assertInstanceOf(ServerChoice.Placed.class, bigToo.get(30, TimeUnit.SECONDS)).server()
                    .id(), "it waited for s2 instead of asking for a third server");
            assertEquals(1, adds.get());
        }
    }
}
