package dev.quarry.hq.endtoend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import dev.quarry.agent.Agent;
import dev.quarry.agent.AgentSettings;
import dev.quarry.agent.ports.PortRange;
import dev.quarry.hq.grid.ServerSettings;
import dev.quarry.hq.grid.ServerStore;
import dev.quarry.hq.state.FileStateStore;
import dev.quarry.hq.state.JsonValues;
import dev.quarry.testsupport.BusyboxImage;
import dev.quarry.testsupport.CommandResult;
import dev.quarry.testsupport.GitWorkTree;
import dev.quarry.testsupport.LoopbackHttp;
import dev.quarry.testsupport.LoopbackPorts;
import dev.quarry.testsupport.OpenSshClient;
import dev.quarry.testsupport.SshKeys;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * HQ in its own JVM, its server's agent in this one: HQ killed with -9 while a DEPLOY waits for its new
 * containers to get healthy comes back, reconciles, and leaves exactly the live release serving.
 */
class KilledMidDeployTest {
    @TempDir
    Path root;

    @Test
    void hqKilledDuringADeployComesBackWithOneReleaseServingAndNoOrphans() throws Exception {
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
            GitWorkTree crash;
            try (HqProcess hq = HqProcess.start(home, root.resolve("logs"), gridOptions)) {
                crash = GitWorkTree.init(root.resolve("crash"), client(home, hq.port(), key).gitSshCommand());
                crash.write("quarry.yml", TestApps.web("crash.test", 2, "")).write("public/index.html", "crash one\n")
                        .commit("one");
                crash.push(RunningHq.url("crash"), "main").requireSuccess();
                crash.write("quarry.yml", TestApps.web("crash.test", 2, "/ready", "60s")).commit("never ready");
                GitWorkTree pushing = crash;
                CompletableFuture<CommandResult> push = CompletableFuture.supplyAsync(
                        () -> pushing.push(RunningHq.url("crash"), "main"));
                ActiveContainers.await(agent, List.of("crash.web.1.1", "crash.web.1.2", "crash.web.2.1", "crash.web.2.2"));
                hq.killJvmOnly();
                assertFalse(push.get().succeeded(), push.get().describe());
            }
            try (HqProcess hq = HqProcess.start(home, root.resolve("logs"), gridOptions)) {
                assertEquals(List.of("crash.web.1.1", "crash.web.1.2"), ActiveContainers.of(agent), hq.stderr());
                assertEquals(new LoopbackHttp.Answer(200, "crash one\n"),
                        LoopbackHttp.get("127.0.0.1", routerPort, "crash.test", "/"));
                JsonNode releases = JsonValues.MAPPER.readTree(client(home, hq.port(), key)
                        .run("releases", "crash", "--json").requireSuccess().stdout());
                assertEquals("recorded", releases.get(0).get("status").asText(), releases.toString());
                assertEquals("live", releases.get(1).get("status").asText(), releases.toString());
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
