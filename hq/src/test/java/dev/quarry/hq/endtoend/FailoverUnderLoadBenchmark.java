package dev.quarry.hq.endtoend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.testsupport.BusyboxImage;
import dev.quarry.testsupport.EtcdServer;
import dev.quarry.testsupport.GitWorkTree;
import dev.quarry.testsupport.LoadLoop;
import dev.quarry.testsupport.LoopbackHttp;
import dev.quarry.testsupport.LoopbackPorts;
import dev.quarry.testsupport.OpenSshClient;
import dev.quarry.testsupport.SshKeys;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Failover under load: clients keep requesting an app through HQ B's router while HQ A (the first, so the
 * reconciler's leader, which deployed the app) is killed with -9; B then completes a push. Prints
 * {@code failover: A killed -> B completed a push in X ms; N requests, F failed} (goal: within the lease TTL
 * plus 5 s) and fails on any failed request.
 */
class FailoverUnderLoadBenchmark {
    private static final String SECRET = "the operator's own grid secret, 2026";
    private static final int CLIENTS = 4;

    @TempDir
    Path root;

    @Test
    void killingTheLeadingHqFailsNoRequestThroughTheOther() throws Exception {
        BusyboxImage.requireBusybox();
        SshKeys.KeyFiles key = SshKeys.ed25519(root.resolve("alice"), "alice");
        Path homeA = home("a", key);
        Path homeB = home("b", null);
        int routerA = LoopbackPorts.free();
        int routerB = LoopbackPorts.free();
        LoadLoop load = null;
        LoadLoop.Result seen;
        long tookMillis;
        try (EtcdServer etcd = EtcdServer.start()) {
            try {
                HqProcess a = HqProcess.start(homeA, root.resolve("logs"), options(etcd, routerA));
                try (HqProcess b = HqProcess.start(homeB, root.resolve("logs"), options(etcd, routerB))) {
                    GitWorkTree app;
                    try {
                        app = GitWorkTree.init(root.resolve("app"), client(homeA, a.port(), key).gitSshCommand());
                        app.write("quarry.yml", TestApps.web("steady.test", 2, "")).write("public/index.html",
                                "steady\n").write("public/version.txt", "1\n").commit("one");
                        app.push(RunningHq.url("steady"), "main").requireSuccess();
                        awaitAnswer(routerB, "B's router serves what A deployed");
                        load = LoadLoop.start(routerB, "steady.test", CLIENTS);
                        Thread.sleep(500);
                    } finally {
                        a.killJvmOnly();
                    }
                    long killed = System.nanoTime();
                    OpenSshClient viaB = client(homeB, b.port(), key);
                    GitWorkTree throughB = new GitWorkTree(app.directory(), app.home(), viaB.gitSshCommand());
                    throughB.write("public/version.txt", "2\n").commit("two");
                    throughB.push(RunningHq.url("steady"), "main").requireSuccess();
                    tookMillis = (System.nanoTime() - killed) / 1_000_000;
                    assertEquals(new LoopbackHttp.Answer(200, "2\n"), LoopbackHttp.get("127.0.0.1", routerB,
                            "steady.test", "/version.txt"), "B deployed the push");
                    Thread.sleep(500);
                    seen = load.stop();
                }
            } finally {
                if (load != null) {
                    load.stop();
                }
                LocalServers.removeAllInStore(homeA, homeA.resolve("local-servers"), etcd.endpoint());
                for (Path home : List.of(homeA, homeB)) {
                    LeftoverRouter.stop(home.resolve("router"));
                }
            }
        }
        String figures = String.format("failover: A killed -> B completed a push in %d ms; %d requests, %d failed%n",
                tookMillis, seen.succeeded() + seen.failed(), seen.failed());
        System.out.print(figures);
        Files.writeString(Path.of("target", "failover-benchmark.txt"), figures);
        assertEquals(0, seen.failed(), seen.failed() + " failed, the first: " + seen.failures());
        assertEquals(java.util.Set.of("steady\n"), seen.bodies(), "every answer was the app's page");
        assertTrue(seen.succeeded() > 0, "requests were made");
    }

    /** A home with the grid secret and, for A only, alice's key file (B learns it from the store). */
    private Path home(String name, SshKeys.KeyFiles key) throws Exception {
        return OperatorHome.prepare(root.resolve(name), key, SECRET);
    }

    private static List<String> options(EtcdServer etcd, int router) {
        return List.of("--etcd", etcd.endpoint(), "--router", "127.0.0.1:" + router, "--provider", "local",
                "--min-servers", "1", "--server-size", "1024M,1000m", "--drain-grace", "200ms");
    }

    private static void awaitAnswer(int router, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        LoopbackHttp.Answer expected = new LoopbackHttp.Answer(200, "steady\n");
        LoopbackHttp.Answer answer = LoopbackHttp.get("127.0.0.1", router, "steady.test", "/");
        while (!answer.equals(expected) && System.nanoTime() < deadline) {
            Thread.sleep(100);
            answer = LoopbackHttp.get("127.0.0.1", router, "steady.test", "/");
        }
        assertEquals(expected, answer, what);
    }

    private static OpenSshClient client(Path home, int port, SshKeys.KeyFiles key) throws Exception {
        Path knownHosts = OpenSshClient.writeKnownHosts(key.privateKey().resolveSibling("known_hosts-" + port),
                Files.readString(home.resolve("etc/hq_host_key.pub")));
        return new OpenSshClient(port, key, knownHosts);
    }
}
