package dev.quarry.hq.endtoend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.quarry.agent.Agent;
import dev.quarry.agent.AgentSettings;
import dev.quarry.agent.ports.PortRange;
import dev.quarry.hq.Hq;
import dev.quarry.hq.HqOptions;
import dev.quarry.hq.QuarryHome;
import dev.quarry.hq.etcd.EtcdConnection;
import dev.quarry.hq.grid.AgentKey;
import dev.quarry.hq.identity.GridSecret;
import dev.quarry.hq.grid.GridSettings;
import dev.quarry.hq.grid.ServerSettings;
import dev.quarry.hq.grid.ServerStore;
import dev.quarry.hq.state.JsonValues;
import dev.quarry.hq.state.etcd.EtcdStateStore;
import dev.quarry.router.model.RouterSettings;
import dev.quarry.slicegrid.model.Resources;
import dev.quarry.testsupport.BusyboxImage;
import dev.quarry.testsupport.CommandResult;
import dev.quarry.testsupport.EtcdServer;
import dev.quarry.testsupport.GitWorkTree;
import dev.quarry.testsupport.LoopbackHttp;
import dev.quarry.testsupport.LoopbackPorts;
import dev.quarry.testsupport.OpenSshClient;
import dev.quarry.testsupport.SshKeys;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two HQs on one real etcd, each with its own home and router, one server's agent in this JVM. HQ A (its own
 * JVM) is killed with -9 while it holds the deploy lock of a DEPLOY waiting on health; HQ B takes over the
 * reconciler's leadership and, once A's leases expired, converges the stack to its live release: the new
 * release's containers go, the old one keeps serving, never two. B answers commands on the same state, and
 * its router follows what A launched even while A leads.
 */
class TwoHqsTest {
    @TempDir
    Path root;

    @Test
    void theSecondHqFinishesWhatAKilledHqLeftAndOnlyOneReleaseServes() throws Exception {
        BusyboxImage.requireBusybox();
        Path homeA = root.resolve("a");
        Path homeB = root.resolve("b");
        SshKeys.KeyFiles key = SshKeys.ed25519(root.resolve("alice"), "alice");
        for (Path home : List.of(homeA, homeB)) {
            Files.createDirectories(home.resolve("keys"));
            Files.copy(key.publicKey(), home.resolve("keys/alice.pub"));
        }
        for (Path home : List.of(homeA, homeB)) {
            Path secret = GridSecret.file(home.resolve("etc"));
            Files.createDirectories(secret.getParent());
            Files.writeString(secret, "the operator's grid secret\n");
            Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("rw-------"));
        }
        AgentKey.ensure(homeA.resolve("etc"));
        String address = "127.0." + ThreadLocalRandom.current().nextInt(16, 255) + "."
                + ThreadLocalRandom.current().nextInt(2, 255);
        int routerA = LoopbackPorts.free();
        int routerB = LoopbackPorts.free();
        try (EtcdServer etcd = EtcdServer.start()) {
            Agent agent = Agent.start(AgentSettings.of(root.resolve("agent"), new InetSocketAddress(address, 0),
                    homeA.resolve("etc/agent_key.pub"), PortRange.DEFAULT));
            try (EtcdConnection connection = EtcdConnection.open(etcd.endpoint())) {
                new ServerStore(new EtcdStateStore(connection)).save(ServerSettings.of("s1", address, agent.port(),
                        Resources.of(4096, 4000), List.of(), ""));
            }
            try {
                GitWorkTree crash;
                CompletableFuture<CommandResult> push;
                try (HqProcess a = HqProcess.start(homeA, root.resolve("logs"), List.of("--etcd", etcd.endpoint(),
                        "--router", "127.0.0.1:" + routerA, "--drain-grace", "200ms"))) {
                    crash = GitWorkTree.init(root.resolve("crash"), client(homeA, a.port(), key).gitSshCommand());
                    crash.write("quarry.yml", TestApps.web("crash.test", 2, "")).write("public/index.html",
                            "crash one\n").commit("one");
                    crash.push(RunningHq.url("crash"), "main").requireSuccess();
                    try (Hq b = Hq.start(new HqOptions(new QuarryHome(homeB), new InetSocketAddress("127.0.0.1", 0))
                            .withEtcd(etcd.endpoint()).withGrid(GridSettings.of(RouterSettings.local(routerB), 0)
                                    .withDrainGrace(Duration.ofMillis(200))
                                    .withReconcilePeriod(Duration.ofSeconds(1))))) {
                        awaitAnswer(routerB, "crash one\n");
                        crash.write("quarry.yml", TestApps.web("crash.test", 2, "/ready", "60s")).commit("never ready");
                        GitWorkTree pushing = crash;
                        push = CompletableFuture.supplyAsync(() -> pushing.push(RunningHq.url("crash"), "main"));
                        ActiveContainers.await(agent, List.of("crash.web.1.1", "crash.web.1.2", "crash.web.2.1", "crash.web.2.2"));
                        a.killJvmOnly();
                        assertFalse(push.get().succeeded(), push.get().describe());

                        ActiveContainers.await(agent, List.of("crash.web.1.1", "crash.web.1.2"));
                        OpenSshClient viaB = client(homeB, b.port(), key);
                        JsonNode releases = JsonValues.MAPPER.readTree(viaB.run("releases", "crash", "--json")
                                .requireSuccess().stdout());
                        assertEquals("recorded", releases.get(0).get("status").asText(), releases.toString());
                        assertEquals("live", releases.get(1).get("status").asText(), releases.toString());
                        assertEquals(new LoopbackHttp.Answer(200, "crash one\n"),
                                LoopbackHttp.get("127.0.0.1", routerB, "crash.test", "/"), "B routes the live release");
                        List<String> servers = viaB.run("servers").requireSuccess().stdoutLines();
                        assertTrue(servers.get(1).startsWith("s1 "), String.join("\n", servers));
                    }
                }
            } finally {
                ActiveContainers.removeAll(agent);
                agent.close();
                LeftoverRouter.stop(homeA.resolve("router"));
                LeftoverRouter.stop(homeB.resolve("router"));
            }
        }
    }

    /** B does not lead while A lives, yet its router follows what A launched. */
    private static void awaitAnswer(int routerPort, String body) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        LoopbackHttp.Answer answer = LoopbackHttp.get("127.0.0.1", routerPort, "crash.test", "/");
        while (!answer.equals(new LoopbackHttp.Answer(200, body)) && System.nanoTime() < deadline) {
            Thread.sleep(100);
            answer = LoopbackHttp.get("127.0.0.1", routerPort, "crash.test", "/");
        }
        assertEquals(new LoopbackHttp.Answer(200, body), answer, "B's router serves what A launched");
    }

    private static OpenSshClient client(Path home, int port, SshKeys.KeyFiles key) throws Exception {
        Path knownHosts = OpenSshClient.writeKnownHosts(key.privateKey().resolveSibling("known_hosts-" + port),
                Files.readString(home.resolve("etc/hq_host_key.pub")));
        return new OpenSshClient(port, key, knownHosts);
    }
}
