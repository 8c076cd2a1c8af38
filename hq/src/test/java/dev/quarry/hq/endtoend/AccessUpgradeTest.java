package dev.quarry.hq.endtoend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.hq.Hq;
import dev.quarry.hq.HqOptions;
import dev.quarry.hq.QuarryHome;
import dev.quarry.hq.launch.PlanPrintingLauncher;
import dev.quarry.testsupport.CommandResult;
import dev.quarry.testsupport.GitWorkTree;
import dev.quarry.testsupport.OpenSshClient;
import dev.quarry.testsupport.SshKeys;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A home from before HQ recorded access (keys in keys/, an app, no access/): at its first start with access
 * every key already there becomes an admin, and a key file copied in afterwards is a developer.
 */
class AccessUpgradeTest {
    @TempDir
    Path root;

    @Test
    void anOldHomeWithKeysAndNoAccessRecordUpgradesWithEveryExistingKeyAnAdmin() throws Exception {
        Path home = root.resolve("home");
        SshKeys.KeyFiles carolKey = SshKeys.ed25519(root.resolve("clients/carol"), "carol");
        try (RunningHq old = RunningHq.start(root)) {
            GitWorkTree hello = old.workTree("hello");
            hello.write("quarry.yml", QuarryFiles.WEB).write("server", "v1\n").commit("first");
            hello.push(RunningHq.url("hello"), "main").requireSuccess();
        }
        try (var paths = Files.walk(home.resolve("access"))) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
        Files.copy(carolKey.publicKey(), home.resolve("keys/carol.pub"));

        try (Hq hq = Hq.start(new HqOptions(new QuarryHome(home), new InetSocketAddress("127.0.0.1", 0)),
                new PlanPrintingLauncher())) {
            OpenSshClient carol = client(hq, carolKey);
            assertTrue(carol.run("releases", "hello").requireSuccess().stdoutLines().get(1).startsWith("1 "));
            carol.run("servers").requireSuccess();

            SshKeys.KeyFiles erinKey = SshKeys.ed25519(root.resolve("clients/erin"), "erin");
            Files.copy(erinKey.publicKey(), home.resolve("keys/erin.pub"));
            CommandResult refused = client(hq, erinKey).run("releases", "hello");
            assertFalse(refused.succeeded(), refused.describe());
            assertEquals(List.of("quarry: erin may not see the releases of hello; an admin can run: ssh quarry@HQ"
                    + " access grant erin hello"), refused.stderrLines());

            List<String> keys = carol.run("keys").requireSuccess().stdoutLines();
            assertEquals(List.of("alice admin", "carol admin", "erin developer"), keys.stream().skip(1)
                    .map(line -> String.join(" ", List.of(line.split(" +")).subList(0, 2))).toList());
            List<String> audit = carol.run("audit").requireSuccess().stdoutLines();
            assertTrue(audit.get(1).endsWith("  hq   -     first use: admins alice, carol (every key in keys/)"),
                    String.join("\n", audit));
        }
    }

    private OpenSshClient client(Hq hq, SshKeys.KeyFiles key) {
        Path knownHosts = OpenSshClient.writeKnownHosts(key.privateKey().resolveSibling("known_hosts-" + hq.port()),
                hq.hostKeyLine());
        return new OpenSshClient(hq.port(), key, knownHosts);
    }
}
