package dev.quarry.hq.endtoend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.agent.Agent;
import dev.quarry.testsupport.BusyboxImage;
import dev.quarry.testsupport.GitWorkTree;
import dev.quarry.testsupport.LoopbackHttp;
import dev.quarry.testsupport.OpenSshClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * HQ in its own JVM restarted over a home where one stack's stack.json is cut short: every other stack
 * is reconciled and served, the broken one is left serving as it was, and {@code apps} and {@code ps}
 * list the healthy stacks and one line for the broken one.
 */
class BrokenStackTest {
    @TempDir
    Path root;

    @Test
    void oneUnreadableStackLeavesEveryOtherStackServedAndListed() throws Exception {
        BusyboxImage.requireBusybox();
        HomeWithAgent setup = HomeWithAgent.prepare(root);
        Path home = setup.home();
        Agent agent = setup.agent();
        int routerPort = setup.routerPort();
        List<String> gridOptions = setup.gridOptions();
        try {
            try (HqProcess hq = HqProcess.start(home, root.resolve("logs"), gridOptions)) {
                for (String app : List.of("good", "broken")) {
                    GitWorkTree tree = GitWorkTree.init(root.resolve(app), setup.client(hq.port()).gitSshCommand());
                    tree.write("quarry.yml", TestApps.web(app + ".test", 1, "")).write("public/index.html", app + "\n")
                            .commit("one");
                    tree.push(RunningHq.url(app), "main").requireSuccess();
                }
                hq.killJvmOnly();
            }
            Path stackFile = home.resolve("stacks/broken/stack.json");
            byte[] whole = Files.readAllBytes(stackFile);
            Files.write(stackFile, java.util.Arrays.copyOf(whole, whole.length / 2));

            try (HqProcess hq = HqProcess.start(home, root.resolve("logs"), gridOptions)) {
                OpenSshClient alice = setup.client(hq.port());
                assertEquals(new LoopbackHttp.Answer(200, "good\n"),
                        LoopbackHttp.get("127.0.0.1", routerPort, "good.test", "/"));
                assertEquals(new LoopbackHttp.Answer(200, "broken\n"),
                        LoopbackHttp.get("127.0.0.1", routerPort, "broken.test", "/"), "left serving as it was");
                assertEquals(List.of("broken.web.1.1", "good.web.1.1"), ActiveContainers.of(agent), hq.stderr());

                List<String> apps = alice.run("apps").requireSuccess().stdoutLines();
                assertEquals(3, apps.size(), String.join("\n", apps));
                assertTrue(apps.get(1).startsWith("good "), apps.get(1));
                assertTrue(apps.get(2).matches("broken  cannot be read: .*stacks/broken/stack\\.json.+"), apps.get(2));
                List<String> ps = alice.run("ps").requireSuccess().stdoutLines();
                assertTrue(ps.stream().anyMatch(line -> line.startsWith("good ") && line.contains(" good.web.1.1 ")), String.join("\n", ps));
                assertTrue(ps.stream().anyMatch(line -> line.matches("broken  cannot be read: .*stacks/broken/stack\\.json.+")),
                        String.join("\n", ps));
                assertTrue(hq.stderr().contains("broken"), hq.stderr());
            }
        } finally {
            setup.close();
        }
    }
}
