package dev.quarry.cli.up;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.testsupport.CommandResult;
import dev.quarry.testsupport.Commands;
import dev.quarry.testsupport.LoopbackHttp;
import dev.quarry.testsupport.LoopbackPorts;
import dev.quarry.testsupport.SshKeys;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code quarry up} as a user runs it: the packaged jar in its own process, a user whose ~/.ssh holds
 * a key, the example app pushed with the real git and OpenSSH, served through nginx; SIGTERM stops it all.
 */
class UpCommandIT {
    private static final Path ROOT = QuarryProcess.checkout();

    @TempDir
    Path root;

    private QuarryProcess up;

    @AfterEach
    void stopQuarry() throws InterruptedException {
        if (up != null) {
            up.close();
        }
    }

    @Test
    void servesAPushedAppThroughNginxAndStopsEverythingOnSigterm() throws Exception {
        Path userHome = Files.createDirectories(root.resolve("user"));
        SshKeys.KeyFiles key = SshKeys.ed25519(Files.createDirectories(userHome.resolve(".ssh")), "id_ed25519");
        int ssh = LoopbackPorts.free();
        int http = LoopbackPorts.free();
        up = QuarryProcess.start(root, userHome, "up", "--home", root.resolve("home").toString(),
                "--ssh", "127.0.0.1:" + ssh, "--http", "127.0.0.1:" + http, "--dashboard", "127.0.0.1:0");
        String welcome = up.awaitOutput("Stop with Ctrl-C.");

        assertTrue(welcome.contains("git remote add quarry ssh://quarry@127.0.0.1:" + ssh + "/APP"), welcome);
        assertTrue(welcome.contains("Trusted your keys: " + key.publicKey()), welcome);
        Path knownHosts = knownHosts(welcome);
        CommandResult push = pushExample(key, knownHosts, ssh);
        assertEquals(0, push.exitCode(), push.toString());
        assertTrue(push.stderr().contains("hello release 1 is live: http://hello.localhost:" + http), push.stderr());
        LoopbackHttp.Answer page = LoopbackHttp.get("127.0.0.1", http, "hello.localhost", "/");
        assertEquals(200, page.status());
        assertTrue(page.body().contains("hello from Quarry"), page.body());

        assertTrue(up.stop(), "quarry up stops on SIGTERM");
        Path nginxPid = root.resolve("home/router/nginx.pid");
        assertTrue(!Files.exists(nginxPid) || ProcessHandle.of(Long.parseLong(Files.readString(nginxPid).strip()))
                .map(process -> !process.isAlive()).orElse(true), "nginx was stopped");
    }

    private CommandResult pushExample(SshKeys.KeyFiles key, Path knownHosts, int ssh) throws IOException {
        Path app = root.resolve("hello");
        Commands.run(List.of("cp", "-r", ROOT.resolve("examples/hello").toString(), app.toString()), root, Map.of());
        Map<String, String> environment = Map.of("GIT_SSH_COMMAND", "ssh -F /dev/null -i " + key.privateKey()
                + " -o IdentitiesOnly=yes -o BatchMode=yes -o UserKnownHostsFile=" + knownHosts
                + " -o StrictHostKeyChecking=yes", "GIT_AUTHOR_NAME", "t", "GIT_AUTHOR_EMAIL", "t@example.com",
                "GIT_COMMITTER_NAME", "t", "GIT_COMMITTER_EMAIL", "t@example.com");
        for (List<String> git : List.of(List.of("git", "init", "-q", "-b", "main"), List.of("git", "add", "-A"),
                List.of("git", "commit", "-q", "-m", "hello"),
                List.of("git", "remote", "add", "quarry", "ssh://quarry@127.0.0.1:" + ssh + "/hello"))) {
            CommandResult result = Commands.run(git, app, environment);
            assertEquals(0, result.exitCode(), result.toString());
        }
        return Commands.run(List.of("git", "push", "quarry", "main"), app, environment);
    }

    /** The known_hosts line quarry up prints, in a file of its own. */
    private Path knownHosts(String welcome) throws IOException {
        String line = welcome.lines().filter(it -> it.strip().startsWith("echo '[127.0.0.1]")).findFirst().orElseThrow();
        String entry = line.substring(line.indexOf('\'') + 1, line.lastIndexOf('\''));
        return Files.writeString(root.resolve("known_hosts"), entry + "\n");
    }

}
