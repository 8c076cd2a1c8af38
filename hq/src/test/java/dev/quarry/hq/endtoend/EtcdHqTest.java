package dev.quarry.hq.endtoend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.quarry.hq.HqMain;
import dev.quarry.hq.QuarryHome;
import dev.quarry.hq.state.JsonValues;
import dev.quarry.testsupport.EtcdServer;
import dev.quarry.testsupport.GitWorkTree;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import dev.quarry.hq.Hq;
import dev.quarry.hq.HqOptions;
import dev.quarry.hq.grid.GridSettings;
import dev.quarry.hq.grid.ServerSettings;
import dev.quarry.hq.grid.ServerSource;
import dev.quarry.router.model.RouterSettings;
import dev.quarry.slicegrid.model.Resources;
import dev.quarry.testsupport.LoopbackPorts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * HQ with its state in a real etcd: it goes on after etcd restarts, a file home migrates into etcd, and the
 * file HQ writes under etcd's files prefix (the grid's hosts) appears on every local server.
 */
class EtcdHqTest {
    @TempDir
    Path root;

    @Test
    void hqOnEtcdReconnectsAfterEtcdRestartsAndGoesOn() throws Exception {
        try (EtcdServer etcd = EtcdServer.start(); RunningHq hq = RunningHq.startOnEtcd(root, etcd.endpoint())) {
            GitWorkTree shop = hq.workTree("shop");
            shop.write("quarry.yml", TestApps.web("shop.test", 1, "")).write("public/index.html", "one\n").commit("one");
            shop.push(RunningHq.url("shop"), "main").requireSuccess();

            etcd.restart();
            shop.write("public/index.html", "two\n").commit("two");
            shop.push(RunningHq.url("shop"), "main").requireSuccess();

            JsonNode releases = JsonValues.MAPPER.readTree(hq.alice().run("releases", "shop", "--json")
                    .requireSuccess().stdout());
            assertEquals(2, releases.size(), releases.toString());
        }
    }

    @Test
    void aFileHomeMigratesIntoEtcdOnceAndAnHqOnEtcdServesItsState() throws Exception {
        Path filesRoot = root.resolve("files");
        try (RunningHq hq = RunningHq.start(filesRoot)) {
            GitWorkTree shop = hq.workTree("shop");
            shop.write("quarry.yml", TestApps.web("shop.test", 1, "")).write("public/index.html", "one\n").commit("one");
            shop.push(RunningHq.url("shop"), "main").requireSuccess();
            hq.alice().run("config", "shop", "set", "GREETING=hi").requireSuccess();
        }
        try (EtcdServer etcd = EtcdServer.start()) {
            QuarryHome home = new QuarryHome(filesRoot.resolve("home"));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();

            assertEquals(0, HqMain.migrate(home, etcd.endpoint(), print(out), print(err)), text(err));
            assertTrue(text(out).startsWith("quarry hq migrate: copied "), text(out));
            assertTrue(text(out).contains(" and read every one back from " + home.root()), text(out));

            ByteArrayOutputStream again = new ByteArrayOutputStream();
            assertEquals(1, HqMain.migrate(home, etcd.endpoint(), print(new ByteArrayOutputStream()), print(again)));
            assertTrue(text(again).startsWith("quarry hq migrate: ") && text(again).lines().count() == 1, text(again));

            try (RunningHq onEtcd = RunningHq.startOnEtcd(root.resolve("elsewhere"), etcd.endpoint())) {
                JsonNode releases = JsonValues.MAPPER.readTree(onEtcd.alice().run("releases", "shop", "--json")
                        .requireSuccess().stdout());
                assertEquals(2, releases.size(), "the push and the config change, from etcd: " + releases);
                String config = onEtcd.alice().run("config", "shop").requireSuccess().stdout();
                assertTrue(config.contains("GREETING") && config.contains("hi"), config);
            }
        }
    }

    @Test
    void theGridsHostsFileWrittenToEtcdAppearsOnEveryLocalServer() throws Exception {
        Path providerHome = root.resolve("home/local-servers");
        try (EtcdServer etcd = EtcdServer.start()) {
            try {
                GridSettings settings = GridSettings.of(RouterSettings.local(LoopbackPorts.free()), 2).withMaxServers(2)
                        .withSource(ServerSource.LOCAL).withServerCapacity(Resources.of(512, 500))
                        .withReconcilePeriod(RunningGrid.QUIET);
                try (Hq hq = Hq.start(new HqOptions(new QuarryHome(root.resolve("home")),
                        new InetSocketAddress("127.0.0.1", 0)).withEtcd(etcd.endpoint()).withGrid(settings))) {
                    List<ServerSettings> servers = hq.grid().orElseThrow().servers();
                    StringBuilder expected = new StringBuilder();
                    servers.forEach(server -> expected.append(server.host()).append(' ').append(server.id())
                            .append('\n'));
                    assertEquals(2, servers.size());
                    for (ServerSettings server : servers) {
                        Path hosts = providerHome.resolve("servers").resolve(server.providerId())
                                .resolve("agent/files/hosts");
                        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
                        while (!(Files.exists(hosts) && Files.readString(hosts).contentEquals(expected))
                                && System.nanoTime() < deadline) {
                            Thread.sleep(50);
                        }
                        assertEquals(expected.toString(), Files.exists(hosts) ? Files.readString(hosts) : "(missing)",
                                server.id() + " mirrors the hosts file at " + hosts);
                    }
                }
            } finally {
                // the local servers' records are in etcd: remove them while it runs
                LocalServers.removeAllInStore(root.resolve("home"), providerHome, etcd.endpoint());
            }
        }
    }

    private static PrintStream print(ByteArrayOutputStream bytes) {
        return new PrintStream(bytes, true, StandardCharsets.UTF_8);
    }

    private static String text(ByteArrayOutputStream bytes) {
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
