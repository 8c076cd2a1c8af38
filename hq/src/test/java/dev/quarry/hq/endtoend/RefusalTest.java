package dev.quarry.hq.endtoend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.testsupport.CommandResult;
import dev.quarry.testsupport.Commands;
import dev.quarry.testsupport.Folders;
import dev.quarry.testsupport.GitWorkTree;
import dev.quarry.testsupport.LoopbackPorts;
import dev.quarry.testsupport.OpenSshClient;
import dev.quarry.testsupport.SshKeys;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What HQ refuses over SSH, each with one line saying why; and that refusing creates nothing. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RefusalTest {
    private Path root;
    private RunningHq hq;

    @BeforeAll
    void start(@TempDir Path temporary) {
        root = temporary;
        hq = RunningHq.start(root);
    }

    @AfterAll
    void stop() {
        hq.close();
    }

    @Test
    void unknownKeyIsRefused() {
        OpenSshClient stranger = hq.stranger(SshKeys.ed25519(root.resolve("stranger"), "mallory"));
        CommandResult result = stranger.run("apps");
        assertEquals(255, result.exitCode(), result.describe());
        assertTrue(result.stderr().contains("Permission denied (publickey)"), result.describe());
    }

    @Test
    void otherKeyTypesInTheKeyFolderWork() {
        SshKeys.KeyFiles key = SshKeys.generate(root.resolve("ecdsa-user"), "carol", "ecdsa");
        OpenSshClient carol = hq.client("carol-ecdsa");
        assertEquals(0, carol.run("apps").exitCode());
        assertEquals(255, hq.stranger(key).run("apps").exitCode(), "a key not in keys/ is refused");
    }

    @Test
    void keyExchangeIsStrictAgainstTerrapin() {
        CommandResult result = hq.alice().run(List.of("-vvv"), "apps").requireSuccess();
        assertTrue(result.stderr().contains("kex-strict-s-v00@openssh.com"), "HQ offers strict key exchange");
        assertTrue(result.stderr().contains("will use strict KEX ordering"), "and OpenSSH uses it");
    }

    @Test
    void shellIsRefused() {
        CommandResult result = hq.alice().run();
        assertRefused(result,
                "quarry: no shell here: HQ runs git push and quarry commands only; try: ssh quarry@HQ apps");
    }

    @Test
    void terminalIsRefused() {
        CommandResult result = hq.alice().run(List.of("-tt"), "apps");
        assertEquals(255, result.exitCode(), "OpenSSH ends a session whose forced pty is refused");
        assertTrue(result.stderrLines().contains("quarry: no terminal here: HQ runs no interactive sessions; run ssh"
                + " without -t, with a command such as: ssh quarry@HQ apps"), result.describe());
        assertTrue(result.stderr().contains("PTY allocation request failed"), result.describe());
    }

    @Test
    void agentForwardingIsRefused() throws Exception {
        Path socket = root.resolve("agent.sock");
        Path log = Files.createTempFile(root, "agent", ".log");
        Process agent = Commands.start(List.of("ssh-agent", "-D", "-a", socket.toString()), root, Map.of(),
                log.toFile(), log.toFile());
        try {
            awaitFile(socket);
            List<String> command = new java.util.ArrayList<>(hq.alice().command(
                    List.of("-A", "-o", "IdentityAgent=" + socket), "apps"));
            int noAgent = command.indexOf("IdentityAgent=none");
            command.subList(noAgent - 1, noAgent + 1).clear();
            CommandResult result = Commands.run(command, root, Map.of());
            assertRefused(result, "quarry: agent forwarding refused: HQ never uses your ssh agent; run ssh with -a"
                    + " (or set ForwardAgent no for this host)");
        } finally {
            Commands.kill(agent);
        }
    }

    @Test
    void x11ForwardingIsRefused() {
        CommandResult result = hq.alice().run(Map.of("DISPLAY", "127.0.0.1:99"),
                List.of("-X", "-o", "XAuthLocation=" + root.resolve("no-xauth")), "apps");
        assertRefused(result, "quarry: X11 forwarding refused: HQ has no display; run ssh without -X or -Y");
    }

    @Test
    void remoteForwardingIsRefused() {
        CommandResult result = hq.alice().run(List.of("-R", LoopbackPorts.free() + ":127.0.0.1:9"), "apps");
        assertRefused(result, "quarry: port forwarding refused: HQ forwards nothing; run ssh without -L, -R, -D or -W");
    }

    @Test
    void stdioForwardingIsRefused() {
        CommandResult result = hq.alice().run(List.of("-W", "127.0.0.1:9"));
        assertEquals(255, result.exitCode(), result.describe());
        assertTrue(result.stderr().contains("stdio forwarding failed"), result.describe());
        assertTrue(result.stderr().contains("administratively prohibited: quarry: port forwarding refused"),
                result.describe());
    }

    @Test
    void localForwardingIsRefused() throws Exception {
        int localPort = LoopbackPorts.free();
        List<String> command = hq.alice().command(List.of("-N", "-L", "127.0.0.1:" + localPort + ":127.0.0.1:9"));
        Path out = Files.createTempFile(root, "ssh", ".out");
        Path err = Files.createTempFile(root, "ssh", ".err");
        Process ssh = Commands.start(command, root, Map.of(), out.toFile(), err.toFile());
        try {
            try (Socket socket = connectWhenListening(localPort); InputStream in = socket.getInputStream()) {
                assertEquals(-1, in.read(), "the forwarded connection is closed at once");
            }
            awaitContent(err, "administratively prohibited");
            assertTrue(Files.readString(err).contains("open failed: administratively prohibited: quarry: port"
                    + " forwarding refused"), Files.readString(err));
        } finally {
            Commands.kill(ssh);
        }
    }

    @Test
    void sftpIsRefused() {
        List<String> command = List.of("sftp", "-b", "/dev/null", "-F", "/dev/null", "-P", Integer.toString(hq.port()),
                "-i", hq.alice().key().privateKey().toString(), "-o", "IdentitiesOnly=yes", "-o", "BatchMode=yes",
                "-o", "UserKnownHostsFile=" + hq.alice().knownHosts(), "-o", "HostKeyAlias=hq",
                "-o", "IdentityAgent=none", "quarry@127.0.0.1");
        CommandResult result = Commands.run(command, root, Map.of());
        assertFalse(result.succeeded(), result.describe());
        assertTrue(result.stderr().contains("quarry: subsystem \"sftp\" refused: HQ serves git and quarry commands"
                + " only, no file transfer"), result.describe());
    }

    @ParameterizedTest
    @ValueSource(strings = {"ls", "sh -c id", "bash", "git-upload-archive 'shop'", "scp -t /tmp"})
    void otherCommandsAreRefused(String command) {
        CommandResult result = hq.alice().run(command);
        assertEquals(1, result.exitCode(), result.describe());
        assertTrue(result.stderr().startsWith("quarry: unknown command \""), result.describe());
        assertEquals(1, result.stderrLines().size(), "one line");
    }

    @Test
    void envRequestsAreIgnoredWithoutBreakingTheCommand() {
        CommandResult result = hq.alice().run(List.of("-o", "SetEnv=LANG=C.UTF-8 EVIL=1"), "apps");
        assertEquals(0, result.exitCode(), result.describe());
    }

    @ParameterizedTest
    @ValueSource(strings = {"'../escape'", "'/../../etc'", "'-rf'", "'a/b'", "'Shop'", "'sh op'", "'..'",
        "'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa'", "'shop;id'", "''", "'shop\nid'"})
    void hostileAppNamesAreRefusedAndCreateNothing(String quotedName) {
        List<String> before = Folders.listRecursively(hq.home());
        CommandResult result = hq.alice().run("git-receive-pack " + quotedName);
        assertEquals(1, result.exitCode(), result.describe());
        assertTrue(result.stderr().startsWith("quarry: "), result.describe());
        assertEquals(1, result.stderrLines().size(), "one line: " + result.describe());
        assertEquals(before, Folders.listRecursively(hq.home()));
    }

    @Test
    void hostileRefsAreRefusedAndCreateNothing() {
        GitWorkTree tree = hq.workTree("refs");
        tree.write("quarry.yml", QuarryFiles.WEB).commit("first");
        List<String> before = Folders.listRecursively(hq.home());

        CommandResult dash = tree.push(RunningHq.url("refs"), "HEAD:refs/heads/-evil");
        CommandResult other = tree.push(RunningHq.url("refs"), "HEAD:refs/meta/config");

        assertTrue(dash.stderr().contains("refused refs/heads/-evil: a ref name part may not start with '-'"),
                dash.describe());
        assertTrue(other.stderr().contains("refused refs/meta/config: push branches (refs/heads/) and tags"
                + " (refs/tags/) only"), other.describe());
        assertEquals(before, Folders.listRecursively(hq.home()));
    }

    private static void assertRefused(CommandResult result, String line) {
        assertEquals(1, result.exitCode(), result.describe());
        assertTrue(result.stderrLines().contains(line), result.describe());
    }

    private static Socket connectWhenListening(int port) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            try {
                return new Socket(InetAddress.getLoopbackAddress(), port);
            } catch (java.net.ConnectException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(50);
            }
        }
    }

    private static void awaitFile(Path file) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!Files.exists(file) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
    }

    private static void awaitContent(Path file, String text) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!Files.readString(file).contains(text) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
    }
}
