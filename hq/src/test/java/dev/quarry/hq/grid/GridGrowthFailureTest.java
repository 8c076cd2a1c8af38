package dev.quarry.hq.grid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.quarry.hq.state.FileStateStore;
import dev.quarry.slicegrid.model.Resources;
import dev.quarry.slicegrid.model.Slice;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A server the provider cannot make: the caller hears why in one line, the grid records no server and
 * reserves nothing, and the next placement asks again (the failed create does not count against the maximum).
 */
class GridGrowthFailureTest {
    @TempDir
    Path home;

    @Test
    void aFailedAddLeavesNothingHalfMadeAndSaysWhy() throws IOException {
        FileStateStore store = new FileStateStore(home);
        ServerStore servers = new ServerStore(store);
        List<ServerRequest> asked = new ArrayList<>();
        ServerStarter refusing = request -> {
            asked.add(request);
            throw new IOException("pacific: droplet quarry-main-k3v9qa did not become active within 5m; it was"
                    + " destroyed");
        };
        ServerSupply supply = new ServerSupply("test", refusing, server -> {
            throw new AssertionError("nothing was made, so nothing is removed");
        });
        try (Agents agents = Agents.open(AgentKey.ensure(home.resolve("etc")), home.resolve("etc/known_hosts"))) {
            Grid grid = Grid.open(servers, agents, store, home.resolve("grid/grid.json"), Optional.of(supply), 0, 2,
                    Resources.of(2048, 1000));
            List<String> progress = new ArrayList<>();

            ServerChoice choice = grid.place(Slice.of("shop.web.1.1", Resources.of(512, 250)), progress::add);

            ServerChoice.NoRoom noRoom = assertInstanceOf(ServerChoice.NoRoom.class, choice);
            assertEquals("the grid is full and server s1 could not be added: pacific: droplet quarry-main-k3v9qa did"
                    + " not become active within 5m; it was destroyed", noRoom.reason());
            assertEquals(List.of("-----> grid full: adding a server (2 GiB, 1 cpu) …",
                    "-----> grid full: adding a server (2 GiB, 1 cpu) … failed"), progress);
            assertEquals(List.of(), servers.list(), "no server is recorded");
            assertEquals(List.of(), grid.snapshot().blocks(), "no block is on the grid");
            assertEquals(false, new String(store.read(dev.quarry.hq.state.StateKey.of("grid", "placement.json"))
                    .orElseThrow().value(), java.nio.charset.StandardCharsets.UTF_8).contains("shop.web.1.1"));

            grid.place(Slice.of("shop.web.1.1", Resources.of(512, 250)), progress::add);
            assertEquals(2, asked.size(), "the next placement asks the provider again");
        }
    }
}
