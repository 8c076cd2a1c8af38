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
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** HQ with its state in a real etcd: it goes on after etcd restarts, and a file home migrates into etcd. */
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

    private static PrintStream print(ByteArrayOutputStream bytes) {
        return new PrintStream(bytes, true, StandardCharsets.UTF_8);
    }

    private static String text(ByteArrayOutputStream bytes) {
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
