package dev.quarry.agent.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.agent.ports.PortRange;
import dev.quarry.agent.source.TarEntry;
import dev.quarry.agent.source.TarWriter;
import dev.quarry.agent.supervise.Sleeper;
import dev.quarry.agent.testing.TestAgent;
import dev.quarry.testsupport.CommandResult;
import dev.quarry.testsupport.Commands;
import dev.quarry.testsupport.Folders;
import dev.quarry.testsupport.OpenSshClient;
import dev.quarry.testsupport.SshKeys;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The agent's SSH endpoint as the real OpenSSH client meets it: HQ's key and agent verbs only. */
class AgentSshTest {
    @TempDir
    static Path temp;

    private static TestAgent agent;
    private static OpenSshClient hq;
    private static OpenSshClient stranger;

    @BeforeAll
    static void startAgent() {
        SshKeys.KeyFiles hqKey = SshKeys.ed25519(temp.resolve("keys"), "hq");
        agent = TestAgent.start(temp.resolve("home"), hqKey, new PortRange(21000, 21099), Sleeper.SYSTEM);
        Path knownHosts = OpenSshClient.writeKnownHosts(temp.resolve("known_hosts"),
                PublicKeyEntry.toString(agent.agent().hostKey()));
        hq = new OpenSshClient(agent.port(), hqKey, knownHosts);
        stranger = new OpenSshClient(agent.port(), SshKeys.ed25519(temp.resolve("keys"), "stranger"), knownHosts);
    }

    @AfterAll
    static void stopAgent() {
        agent.close();
    }

    @Test
    void hqsKeyRunsAVerb() {
        CommandResult list = hq.run("list").requireSuccess();

        assertTrue(list.stdout().startsWith("{\"agent\":\"" + agent.agent().id() + "\",\"ports\":\"21000-21099\","
                + "\"containers\":[]"), list.stdout());
        assertEquals(1, list.stdoutLines().size(), "one line of JSON");
    }

    @Test
    void anUnknownKeyIsRefused() {
        CommandResult refused = stranger.run("list");

        assertEquals(255, refused.exitCode());
        assertTrue(refused.stderr().contains("Permission denied (publickey)"), refused.describe());
    }

    @Test
    void aTerminalIsRefused() {
        CommandResult refused = hq.run(List.of("-tt"), "list");

        assertEquals(255, refused.exitCode(), "OpenSSH gives up when a forced pty is refused: " + refused.describe());
        assertEquals(List.of("PTY allocation request failed on channel 0"), refused.stderrLines());
        assertEquals("", refused.stdout(), "the verb did not run");
    }

    @Test
    void aShellIsRefused() {
        CommandResult refused = hq.run(List.of("-T"));

        assertEquals(2, refused.exitCode(), refused.describe());
        assertEquals(List.of("{\"error\":\"no shell here: the agent runs only its verbs (start, stop, list, logs,"
                + " health, remove, prepare, run-hook, receive-source, remove-release, locknet-apply, locknet-confirm,"
                + " has-build, send-build, receive-build, clear-cache, run-once, remove-stack)"
                + "\",\"lines\":[]}"),
                refused.stderrLines());
    }

    @Test
    void aShellCommandIsNotAVerb() {
        CommandResult refused = hq.run("sh", "-c", "'cat /etc/passwd'");

        assertEquals(2, refused.exitCode());
        assertTrue(refused.stderr().startsWith("{\"error\":\"unknown verb \\\"sh\\\"; the agent runs only: start,"),
                refused.describe());
    }

    @Test
    void aVerbWithWordsInsteadOfJsonIsRefused() {
        CommandResult refused = hq.run("stop", "shop.web.1.1");

        assertEquals(2, refused.exitCode());
        assertTrue(refused.stderr().contains("stop takes its request as JSON on stdin, not words"), refused.describe());
    }

    @Test
    void aSubsystemIsRefused() {
        CommandResult refused = hq.run(List.of("-s"), "sftp");

        assertEquals(2, refused.exitCode(), refused.describe());
        assertTrue(refused.stderr().contains("subsystem \\\"sftp\\\" refused"), refused.describe());
    }

    @Test
    void aHostileSourceIsRefusedAndLeavesNothing() throws Exception {
        Path evil = temp.resolve("evil.tar");
        try (var out = Files.newOutputStream(evil)) {
            TarWriter tar = new TarWriter(out);
            byte[] content = "gotcha\n".getBytes(StandardCharsets.UTF_8);
            tar.entry("../escape", TarEntry.FILE, 0644, content.length, "", new ByteArrayInputStream(content));
            tar.finish();
        }
        String ssh = String.join(" ", hq.command(List.of(), "receive-source", "shop", "3").stream()
                .map(word -> "'" + word + "'").toList());

        CommandResult refused = Commands.run(List.of("sh", "-c", ssh + " < " + evil), temp, Map.of());

        assertEquals(1, refused.exitCode(), refused.describe());
        assertEquals(List.of("{\"error\":\"refused the source of shop release 3: \\\"../escape\\\" holds \\\"..\\\";"
                + " an archive's paths must stay in the release; nothing was kept\",\"lines\":[]}"), refused.stderrLines());
        assertEquals(List.of(), Folders.listRecursively(temp.resolve("home/sources/shop")));
        assertFalse(Files.exists(temp.resolve("home/sources/escape")));
    }

    @Test
    void forwardingIsRefused() {
        CommandResult refused = hq.run(List.of("-W", "127.0.0.1:" + agent.port()));

        assertEquals(255, refused.exitCode(), refused.describe());
        assertTrue(refused.stderr().contains("administratively prohibited"), refused.describe());
    }
}
