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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * HQ in its own JVM killed with -9, or stopped with SIGTERM, and started again while clients keep requesting
 * an app through the router: the old HQ leaves its nginx serving and the new HQ takes it over, so not one of
 * at least 2,000 requests fails. Prints the figures (requests, failed, time from the stop until HQ answers
 * again), also written to {@code target/hq-restart-benchmark-*.txt}.
 */
class HqRestartUnderLoadTest {
    private static final int CLIENTS = 4;
    private static final int AT_LEAST = 2000;

    @TempDir
    Path root;

    /** How the first HQ ends. */
    enum Ending {
        KILL_9, SIGTERM
    }

    @ParameterizedTest
    @EnumSource(Ending.class)
    void hqStoppedAndRestartedUnderLoadFailsNoRequest(Ending ending) throws Exception {
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
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger succeeded = new AtomicInteger();
        List<String> failures = new ArrayList<>();
        List<Thread> clients = new ArrayList<>();
        long answeredAgainMillis;
        try {
            try (HqProcess hq = HqProcess.start(home, root.resolve("logs"), gridOptions)) {
                GitWorkTree app = GitWorkTree.init(root.resolve("steady"), client(home, hq.port(), key).gitSshCommand());
                app.write("quarry.yml", TestApps.web("steady.test", 2, "")).write("public/index.html", "steady\n")
                        .commit("one");
                app.push(RunningHq.url("steady"), "main").requireSuccess();
                for (int i = 0; i < CLIENTS; i++) {
                    clients.add(Thread.ofPlatform().start(() -> load(routerPort, running, succeeded, failures)));
                }
                Thread.sleep(500);
                long killed = System.nanoTime();
                if (ending == Ending.KILL_9) {
                    hq.killJvmOnly();
                } else {
                    hq.terminate();
                }
                try (HqProcess again = HqProcess.start(home, root.resolve("logs"), gridOptions)) {
                    answeredAgainMillis = (System.nanoTime() - killed) / 1_000_000;
                    client(home, again.port(), key).run("apps").requireSuccess();
                    while (succeeded.get() + failures.size() < AT_LEAST) {
                        Thread.sleep(100);
                    }
                    stop(clients, running);
                    assertTrue(again.stderr().contains("router: took over the nginx (pid "), again.stderr());
                }
            }
        } finally {
            stop(clients, running);
            ActiveContainers.removeAll(agent);
            agent.close();
            LeftoverRouter.stop(home.resolve("router"));
        }
        String figures = String.format("HQ %s and restart under load (%d clients): %d requests, %d failed;"
                + " HQ answered again %d ms after it was stopped%n", ending == Ending.KILL_9 ? "kill -9" : "SIGTERM",
                CLIENTS, succeeded.get() + failures.size(), failures.size(), answeredAgainMillis);
        System.out.print(figures);
        Files.writeString(Path.of("target", "hq-restart-benchmark-" + ending.name().toLowerCase(java.util.Locale.ROOT)
                + ".txt"), figures);
        synchronized (failures) {
            assertEquals(List.of(), failures.subList(0, Math.min(10, failures.size())), failures.size() + " failed");
        }
        assertTrue(succeeded.get() >= AT_LEAST, succeeded.get() + " requests");
    }

    private static void load(int port, AtomicBoolean running, AtomicInteger succeeded, List<String> failures) {
        long stopAt = System.nanoTime() + 180_000_000_000L;
        while (running.get() && System.nanoTime() < stopAt) {
            try {
                LoopbackHttp.Answer answer = LoopbackHttp.get("127.0.0.1", port, "steady.test", "/");
                if (answer.equals(new LoopbackHttp.Answer(200, "steady\n"))) {
                    succeeded.incrementAndGet();
                } else {
                    synchronized (failures) {
                        failures.add(answer.toString());
                    }
                }
            } catch (RuntimeException e) {
                synchronized (failures) {
                    failures.add(e.toString());
                }
            }
        }
    }

    private static void stop(List<Thread> clients, AtomicBoolean running) throws InterruptedException {
        running.set(false);
        for (Thread client : clients) {
            client.join();
        }
    }

    private static OpenSshClient client(Path home, int port, SshKeys.KeyFiles key) throws Exception {
        Path knownHosts = OpenSshClient.writeKnownHosts(key.privateKey().resolveSibling("known_hosts"),
                Files.readString(home.resolve("etc/hq_host_key.pub")));
        return new OpenSshClient(port, key, knownHosts);
    }
}
