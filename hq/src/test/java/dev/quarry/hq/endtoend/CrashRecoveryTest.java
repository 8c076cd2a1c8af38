package dev.quarry.hq.endtoend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.quarry.hq.launch.PlanPrintingLauncher;
import dev.quarry.hq.state.JsonValues;
import dev.quarry.testsupport.CommandResult;
import dev.quarry.testsupport.Folders;
import dev.quarry.testsupport.GitWorkTree;
import dev.quarry.testsupport.HoldingTcpProxy;
import dev.quarry.testsupport.OpenSshClient;
import dev.quarry.testsupport.SshKeys;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** HQ killed with -9 in the middle of receiving a push comes back with the last good state. */
@SuppressWarnings("try") // the proxy is closed early on purpose, to end the held push
class CrashRecoveryTest {
    @TempDir
    Path root;

    @Test
    void killedWhileReceivingAPushRestartsWithTheLastGoodStateAndTakesTheNextPush() throws Exception {
        Path home = root.resolve("home");
        SshKeys.KeyFiles key = SshKeys.ed25519(root.resolve("alice"), "alice");
        Files.createDirectories(home.resolve("keys"));
        Files.copy(key.publicKey(), home.resolve("keys/alice.pub"));
        GitWorkTree shop;
        String good;
        try (HqProcess hq = HqProcess.start(home, root.resolve("logs"))) {
            OpenSshClient alice = client(home, hq.port(), key);
            shop = GitWorkTree.init(root.resolve("shop"), alice.gitSshCommand());
            good = shop.write("quarry.yml", QuarryFiles.WEB).commit("good");
            shop.push(RunningHq.url("shop"), "main").requireSuccess();
            shop.write("big.bin", randomBytes(8 << 20)).commit("big");

            try (HoldingTcpProxy proxy = new HoldingTcpProxy(hq.port(), 2 << 20)) {
                GitWorkTree viaProxy = new GitWorkTree(shop.directory(), shop.home(),
                        client(home, proxy.port(), key).gitSshCommand());
                CompletableFuture<CommandResult> push = CompletableFuture.supplyAsync(
                        () -> viaProxy.push(RunningHq.url("shop"), "main"));
                assertTrue(proxy.awaitHeld(Duration.ofSeconds(60)), "the push got 2 MiB in and was held there");
                assertTrue(Files.exists(home.resolve("locks/shop.lock")), "the push holds the deploy lock");
                hq.killHard();
                proxy.close();
                assertFalse(push.get().succeeded(), push.get().describe());
            }
        }
        try (HqProcess hq = HqProcess.start(home, root.resolve("logs"))) {
            OpenSshClient alice = client(home, hq.port(), key);
            GitWorkTree after = new GitWorkTree(shop.directory(), shop.home(), alice.gitSshCommand());
            assertEquals(good, PushPipelineTest.remoteHead(after, "shop", "main"), "the branch is as before");
            JsonNode releases = JsonValues.MAPPER.readTree(alice.run("releases", "shop", "--json").requireSuccess()
                    .stdout());
            assertEquals(1, releases.size());
            assertEquals("live", releases.get(0).get("status").asText());
            assertEquals(java.util.List.of(), Folders.listRecursively(home.resolve("tmp")));

            CommandResult next = after.push(RunningHq.url("shop"), "main").requireSuccess();

            assertTrue(GitWorkTree.remoteLines(next).contains(
                    "-----> shop release 2 " + PlanPrintingLauncher.NOTHING_RUNS), next.describe());
            assertTrue(hq.stderr().contains("reaped the deploy lock of shop"), hq.stderr());
        }
    }

    private static OpenSshClient client(Path home, int port, SshKeys.KeyFiles key) throws Exception {
        Path knownHosts = OpenSshClient.writeKnownHosts(key.privateKey().resolveSibling("known_hosts"),
                Files.readString(home.resolve("etc/hq_host_key.pub")));
        return new OpenSshClient(port, key, knownHosts);
    }

    private static byte[] randomBytes(int size) {
        byte[] bytes = new byte[size];
        new Random(42).nextBytes(bytes);
        return bytes;
    }
}
