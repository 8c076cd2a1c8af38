package dev.quarry.hq.endtoend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.testsupport.CommandResult;
import dev.quarry.testsupport.EtcdServer;
import dev.quarry.testsupport.GitWorkTree;
import dev.quarry.testsupport.OpenSshClient;
import dev.quarry.testsupport.SshKeys;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two HQs on one real etcd share keys added over SSH, grants and the audit log. */
class AccessAcrossHqsTest {
    @TempDir
    Path root;

    @Test
    void keysGrantsAndTheAuditLogHoldOnEveryHqOfAnEtcd() {
        try (EtcdServer etcd = EtcdServer.start(); RunningHq one = RunningHq.startOnEtcd(root.resolve("one"),
                etcd.endpoint()); RunningHq two = RunningHq.startOnEtcd(root.resolve("two"), etcd.endpoint())) {
            GitWorkTree hello = one.workTree("hello");
            hello.write("quarry.yml", QuarryFiles.WEB).write("server", "v1\n").commit("first");
            hello.push(RunningHq.url("hello"), "main").requireSuccess();
            SshKeys.KeyFiles bobKey = SshKeys.ed25519(root.resolve("clients/bob"), "bob");
            Keys.runWithInput(one.alice(), bobKey.publicKey(), "keys", "add", "bob").requireSuccess();

            OpenSshClient bobOnTwo = two.stranger(bobKey);
            assertEquals(List.of("quarry: bob may not see the releases of hello; an admin can run: ssh quarry@HQ"
                    + " access grant bob hello"), bobOnTwo.run("releases", "hello").stderrLines());
            one.alice().run("access", "grant", "bob", "hello").requireSuccess();
            bobOnTwo.run("releases", "hello").requireSuccess();

            two.alice().run("keys", "remove", "bob").requireSuccess();
            CommandResult removed = one.stranger(bobKey).run("apps");
            assertEquals(255, removed.exitCode(), removed.describe());
            List<String> audit = one.alice().run("audit").requireSuccess().stdoutLines();
            assertTrue(audit.getLast().endsWith("  keys remove bob"), String.join("\n", audit));
        }
    }

    @Test
    void keyFilesOfOneHqLetInOnEveryHqUntilRemoved() throws Exception {
        try (EtcdServer etcd = EtcdServer.start(); RunningHq one = RunningHq.startOnEtcd(root.resolve("one"),
                etcd.endpoint()); RunningHq two = RunningHq.startOnEtcd(root.resolve("two"), etcd.endpoint());
                RunningHq three = RunningHq.startOnEtcdWithoutKeys(root.resolve("three"), etcd.endpoint())) {
            one.alice().run("apps").requireSuccess();
            assertEquals(List.of(), listing(three.home().resolve("keys")));
            OpenSshClient aliceOnThree = three.stranger(one.aliceKey());
            aliceOnThree.run("servers").requireSuccess();

            SshKeys.KeyFiles carolKey = SshKeys.ed25519(root.resolve("clients/carol"), "carol");
            Files.copy(carolKey.publicKey(), one.home().resolve("keys/carol.pub"));
            Files.copy(carolKey.publicKey(), two.home().resolve("keys/carol.pub"));
            one.stranger(carolKey).run("apps").requireSuccess();
            two.stranger(carolKey).run("apps").requireSuccess();
            three.stranger(carolKey).run("apps").requireSuccess();
            aliceOnThree.run("keys", "remove", "carol").requireSuccess();

            for (RunningHq hq : List.of(one, two, three)) {
                CommandResult refused = hq.stranger(carolKey).run("apps");
                assertEquals(255, refused.exitCode(), refused.describe());
            }
            assertTrue(Files.exists(two.home().resolve("keys/carol.pub")), "keys remove on three leaves two's file");
        }
    }

    private static List<Path> listing(Path folder) throws java.io.IOException {
        try (var files = Files.list(folder)) {
            return files.toList();
        }
    }
}
