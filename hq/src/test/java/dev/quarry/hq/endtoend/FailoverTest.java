package dev.quarry.hq.endtoend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.quarry.hq.HqMain;
import dev.quarry.hq.state.JsonValues;
import dev.quarry.testsupport.BusyboxImage;
import dev.quarry.testsupport.CommandResult;
import dev.quarry.testsupport.EtcdServer;
import dev.quarry.testsupport.GitWorkTree;
import dev.quarry.testsupport.JavaProcesses;
import dev.quarry.testsupport.LoopbackHttp;
import dev.quarry.testsupport.LoopbackPorts;
import dev.quarry.testsupport.OpenSshClient;
import dev.quarry.testsupport.SshKeys;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * HQs in their own JVMs and homes sharing nothing but one real etcd (and the operator's grid secret): A makes the
 * grid's agent key and a local server and shares alice's key file through the store; B, started with an empty
 * home (no key files), serves through its router what A deploys; A is killed with -9; B re-configures A's release
 * (its repository fetched from the store), deploys a push on A's server with the grid's key, rolls back to A's
 * release, scales, and adds a server for a push and gives it back after a scale down; a third HQ with an empty
 * home serves too; A comes back and joins without a duplicate; an HQ with the wrong secret refuses to start with
 * one line. Prints how long B's router took to follow A's push and how long from A's death to B completing a
 * push.
 */
class FailoverTest {
    private static final String SECRET = "the operator's own grid secret, 2026";

    @TempDir
    Path root;

    @Test
    void aSecondHqWithAnEmptyHomeTakesOverEverythingAKilledHqMade() throws Exception {
        BusyboxImage.requireBusybox();
        SshKeys.KeyFiles key = SshKeys.ed25519(root.resolve("alice"), "alice");
        Path homeA = home("a", key, SECRET);
        Path homeB = home("b", null, SECRET);
        Path homeC = home("c", null, SECRET);
        List<Integer> routers = List.of(LoopbackPorts.free(), LoopbackPorts.free(), LoopbackPorts.free());
        try (EtcdServer etcd = EtcdServer.start()) {
            try {
                HqProcess a = HqProcess.start(homeA, root.resolve("logs"), options(etcd, routers.get(0)));
                try (HqProcess b = HqProcess.start(homeB, root.resolve("logs"), options(etcd, routers.get(1)))) {
                    assertFalse(Files.exists(homeB.resolve("etc/agent_key")), "B has no private key file");
                    GitWorkTree app;
                    try {
                        app = GitWorkTree.init(root.resolve("app"), client(homeA, a.port(), key).gitSshCommand());
                        app.write("quarry.yml", TestApps.web("fail.test", 1, "")).write("public/index.html",
                                "from A\n").commit("one");
                        app.push(RunningHq.url("fail"), "main").requireSuccess();
                        long pushed = System.nanoTime();
                        awaitAnswer(routers.get(1), "from A\n", "B's router serves the release A deployed");
                        System.out.printf("failover: B's router served A's push %.2f s after the push ended%n",
                                (System.nanoTime() - pushed) / 1e9);
                    } finally {
                        a.killJvmOnly();
                    }
                    long killed = System.nanoTime();
                    OpenSshClient viaB = client(homeB, b.port(), key);
                    assertFalse(Files.exists(homeB.resolve("stacks/fail/repo.git")), "nothing was pushed to B");
                    viaB.run("config", "fail", "set", "GREETING=hello").requireSuccess();
                    JsonNode configured = JsonValues.MAPPER.readTree(viaB.run("releases", "fail", "--json")
                            .requireSuccess().stdout());
                    assertEquals("live", configured.get(0).get("status").asText(), configured.toString());
                    assertEquals(2, configured.get(0).get("release").asInt(), configured.toString());
                    awaitAnswer(routers.get(1), "from A\n", "B re-configured A's release from the store's repository");
                    System.out.printf("failover: from A's kill -9 to B completing a config change (a release of A's"
                            + " commit from the store's repository): %.2f s%n", (System.nanoTime() - killed) / 1e9);
                    GitWorkTree throughB = new GitWorkTree(app.directory(), app.home(), viaB.gitSshCommand());
                    throughB.write("public/index.html", "from B\n").commit("two");
                    long pushing = System.nanoTime();
                    CommandResult push = throughB.push(RunningHq.url("fail"), "main");
                    System.out.printf("failover: a push through B took %.2f s, completed %.2f s after A's kill -9%n",
                            (System.nanoTime() - pushing) / 1e9, (System.nanoTime() - killed) / 1e9);
                    push.requireSuccess();
                    awaitAnswer(routers.get(1), "from B\n", "B deployed on A's server with the grid's key");
                    List<String> servers = viaB.run("servers").requireSuccess().stdoutLines();
                    assertTrue(servers.get(1).matches("s1 +127\\.0\\.0\\.[0-9]+:[0-9]+ .* local .* up since .*"),
                            String.join("\n", servers));

                    viaB.run("rollback", "fail", "2").requireSuccess();
                    awaitAnswer(routers.get(1), "from A\n", "B rolled back to A's release");

                    CommandResult scale = viaB.run("scale", "fail", "web=2").requireSuccess();
                    assertTrue(scale.stdoutLines().stream().anyMatch(line -> line.startsWith(
                            "-----> SCALE fail/web 1 -> 2")), scale.describe());
                    JsonNode ps = JsonValues.MAPPER.readTree(viaB.run("ps", "fail", "--json").requireSuccess()
                            .stdout());
                    assertEquals(2, ps.size(), ps.toString());

                    GitWorkTree wide = GitWorkTree.init(root.resolve("wide"), viaB.gitSshCommand());
                    wide.write("quarry.yml", wide(3)).write("public/index.html", "wide\n").commit("three");
                    CommandResult grown = wide.push(RunningHq.url("wide"), "main").requireSuccess();
                    assertTrue(GitWorkTree.remoteLines(grown).contains(
                            "-----> grid full: adding a server (1 GiB, 1 cpu) …"), grown.describe());
                    List<String> two = viaB.run("servers").requireSuccess().stdoutLines();
                    assertTrue(two.get(2).matches("s2 +127\\.0\\.0\\.[0-9]+:[0-9]+ .* local .* up since .*"),
                            "B added a server through the store's provider ledger:\n" + String.join("\n", two));
                    viaB.run("scale", "wide", "web=1").requireSuccess();
                    awaitServers(viaB, servers.size(), "B gave back the server it added, once empty");

                    try (HqProcess c = HqProcess.start(homeC, root.resolve("logs"), options(etcd, routers.get(2)))) {
                        awaitAnswer(routers.get(2), "from A\n", "a third HQ with an empty home serves");
                        List<String> seenByC = client(homeC, c.port(), key).run("servers").requireSuccess()
                                .stdoutLines();
                        assertEquals(servers.size(), seenByC.size(), String.join("\n", seenByC));
                    }
                    try (HqProcess again = HqProcess.start(homeA, root.resolve("logs"),
                            options(etcd, routers.get(0)))) {
                        awaitAnswer(routers.get(0), "from A\n", "A came back and serves the release B rolled back to");
                        List<String> seenByA = client(homeA, again.port(), key).run("servers").requireSuccess()
                                .stdoutLines();
                        assertEquals(servers.size(), seenByA.size(),
                                "A joins again without a duplicate server:\n" + String.join("\n", seenByA));
                        assertTrue(seenByA.get(1).startsWith("s1 "), String.join("\n", seenByA));
                    }
                }
                Path homeD = home("d", key, "not the secret the grid was sealed with");
                List<String> refused = failedStart(homeD, options(etcd, LoopbackPorts.free()));
                assertTrue(refused.contains("quarry hq: the grid secret from " + homeD.resolve("etc/grid_secret")
                        + " does not open the grid's agent key in the store (grid/agent_key.json): give this HQ the"
                        + " same secret as the grid's first HQ"), String.join("\n", refused));
            } finally {
                LocalServers.removeAllInStore(homeA, homeA.resolve("local-servers"), etcd.endpoint());
                for (Path home : List.of(homeA, homeB, homeC)) {
                    LeftoverRouter.stop(home.resolve("router"));
                }
            }
        }
    }

    /**
     * A home as an operator prepares it: the grid secret and, for the first HQ only, the first admin's key file
     * (null: none; the others learn alice's key from the store), nothing of another HQ.
     */
    private Path home(String name, SshKeys.KeyFiles key, String secret) throws Exception {
        return OperatorHome.prepare(root.resolve(name), key, secret);
    }

    private static List<String> options(EtcdServer etcd, int router) {
        return List.of("--etcd", etcd.endpoint(), "--router", "127.0.0.1:" + router, "--provider", "local",
                "--min-servers", "1", "--max-servers", "2", "--server-size", "1024M,1000m", "--drain-grace", "200ms");
    }

    /** Starts HQ in its own JVM expecting it to fail; answers its standard error's lines. */
    private List<String> failedStart(Path home, List<String> options) throws Exception {
        Path logs = root.resolve("logs");
        List<String> arguments = new ArrayList<>(List.of("--home", home.toString(), "--listen", "127.0.0.1:0"));
        arguments.addAll(options);
        Path stderr = logs.resolve("refused.err");
        Process process = JavaProcesses.start(HqMain.class.getName(), arguments, logs, logs.resolve("refused.out"),
                stderr);
        try {
            assertTrue(process.waitFor(60, TimeUnit.SECONDS), "HQ with a wrong secret did not stop");
            assertEquals(1, process.exitValue());
            return Files.readAllLines(stderr);
        } finally {
            process.destroyForcibly();
            LeftoverRouter.stop(home.resolve("router"));
        }
    }

    /** An app of three 400M containers: more than one 1 GiB server holds. */
    private static String wide(int scale) {
        return """
                nodes:
                  web:
                    run: exec busybox httpd -f -p "$HOST:$PORT" -h public
                    port: 8080
                    scale: %d
                    memory: 400M
                    cpu: 250m
                """.formatted(scale);
    }

    private static void awaitServers(OpenSshClient client, int lines, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        List<String> table = client.run("servers").requireSuccess().stdoutLines();
        while (table.size() != lines && System.nanoTime() < deadline) {
            Thread.sleep(200);
            table = client.run("servers").requireSuccess().stdoutLines();
        }
        assertEquals(lines, table.size(), what + ":\n" + String.join("\n", table));
    }

    private static LoopbackHttp.Answer get(int router) {
        return LoopbackHttp.get("127.0.0.1", router, "fail.test", "/");
    }

    private static void awaitAnswer(int router, String body, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        LoopbackHttp.Answer answer = get(router);
        while (!answer.equals(new LoopbackHttp.Answer(200, body)) && System.nanoTime() < deadline) {
            Thread.sleep(100);
            answer = get(router);
        }
        assertEquals(new LoopbackHttp.Answer(200, body), answer, what);
    }

    private static OpenSshClient client(Path home, int port, SshKeys.KeyFiles key) throws Exception {
        Path knownHosts = OpenSshClient.writeKnownHosts(key.privateKey().resolveSibling("known_hosts-" + port),
                Files.readString(home.resolve("etc/hq_host_key.pub")));
        return new OpenSshClient(port, key, knownHosts);
    }
}
