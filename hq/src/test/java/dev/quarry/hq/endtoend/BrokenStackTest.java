package dev.quarry.hq.endtoend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.agent.Agent;
import dev.quarry.agent.AgentSettings;
import dev.quarry.agent.ports.PortRange;
import dev.quarry.hq.grid.ServerSettings;
import dev.quarry.hq.grid.ServerStore;
import dev.quarry.hq.state.FileStateStore;
import dev.quarry.testsupport.BusyboxImage;
import dev.quarry.testsupport.GitWorkTree;
import dev.quarry.testsupport.LoopbackHttp;
import dev.quarry.testsupport.LoopbackPorts;
import dev.quarry.testsupport.OpenSshClient;
import dev.quarry.testsupport.SshKeys;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
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
        Path home = root.resolve("home");
        SshKeys.KeyFiles key = SshKeys.ed25519(root.resolve("alice"), "alice");
        Files.createDirectories(home.resolve("keys"));
        Files.copy(key.publicKey(), home.resolve("keys/alice.pub"));
        String address = "127.0." + ThreadLocalRandom.current().nextInt(16, 255) + "."
                + ThreadLocalRandom.current().nextInt(2, 255);
        Agent agent = Agent.start(AgentSettings.of(root.resolve("agent"), new InetSocketAddress(address, 0),
                home.resolve("etc/agent_key.pub"), PortRange.DEFAULT));
        new ServerStore(new FileStateStore(home)).save(ServerSettings.of("s1", address, agent.port(),
                dev.quarry.slicegrid.model.Resources.of(4096, 4000), List.of(), ""));
        int routerPort = LoopbackPorts.free();
        List<String> gridOptions = List.of("--router", "127.0.0.1:" + routerPort, "--drain-grace", "200ms");
        try {
            try (HqProcess hq = HqProcess.start(home, root.resolve("logs"), gridOptions)) {
                for (String app : List.of("good", "broken")) {
                    GitWorkTree tree = GitWorkTree.init(root.resolve(app), client(home, hq.port(), key).gitSshCommand());
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
                OpenSshClient alice = client(home, hq.port(), key);
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
            ActiveContainers.removeAll(agent);
            agent.close();
            LeftoverRouter.stop(home.resolve("router"));
        }
    }

    private static OpenSshClient client(Path home, int port, SshKeys.KeyFiles key) throws Exception {
        Path knownHosts = OpenSshClient.writeKnownHosts(key.privateKey().resolveSibling("known_hosts"),
                Files.readString(home.resolve("etc/hq_host_key.pub")));
        return new OpenSshClient(port, key, knownHosts);
    }
}
