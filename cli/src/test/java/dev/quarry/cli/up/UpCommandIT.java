package dev.quarry.cli.up;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.testsupport.CommandResult;
import dev.quarry.testsupport.Commands;
import dev.quarry.testsupport.LoopbackHttp;
import dev.quarry.testsupport.LoopbackPorts;
import dev.quarry.testsupport.SshKeys;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code quarry up} as a user runs it: the packaged jar in its own process, a user whose ~/.ssh holds
 * a key, the example app pushed with the real git and OpenSSH, served through nginx; SIGTERM stops it all.
 */
class UpCommandIT {
    private static final Path ROOT = Path.of(System.getProperty("quarry.root", "..")).toAbsolutePath().normalize();

    @TempDir
    Path root;

    private Process up;

    @AfterEach
    void stopQuarry() throws InterruptedException {
        if (up != null && up.isAlive()) {
            up.destroy();
            if (!up.waitFor(60, TimeUnit.SECONDS)) {
                up.destroyForcibly().waitFor();
            }
        }
    }

    @Test
    void servesAPushedAppThroughNginxAndStopsEverythingOnSigterm() throws Exception {
        Path userHome = Files.createDirectories(root.resolve("user"));
        SshKeys.KeyFiles key = SshKeys.ed25519(Files.createDirectories(userHome.resolve(".ssh")), "id_ed25519");
        int ssh = LoopbackPorts.free();
        int http = LoopbackPorts.free();
        Path output = root.resolve("up.out");
        up = new ProcessBuilder(java(), "-Duser.home=" + userHome, "-jar", ROOT.resolve("cli/target/quarry.jar").toString(),
                "up", "--home", root.resolve("home").toString(), "--ssh", "127.0.0.1:" + ssh, "--http", "127.0.0.1:" + http)
                .redirectOutput(output.toFile()).redirectError(root.resolve("up.err").toFile()).start();
        String welcome = awaitWelcome(output);

        assertTrue(welcome.contains("git remote add quarry ssh://quarry@127.0.0.1:" + ssh + "/APP"), welcome);
        assertTrue(welcome.contains("Trusted your keys: " + key.publicKey()), welcome);
        Path knownHosts = knownHosts(welcome);
        CommandResult push = pushExample(key, knownHosts, ssh);
        assertEquals(0, push.exitCode(), push.toString());
        assertTrue(push.stderr().contains("hello release 1 is live: http://hello.localhost:" + http), push.stderr());
        LoopbackHttp.Answer page = LoopbackHttp.get("127.0.0.1", http, "hello.localhost", "/");
        assertEquals(200, page.status());
        assertTrue(page.body().contains("hello from Quarry"), page.body());

        up.destroy();
        assertTrue(up.waitFor(60, TimeUnit.SECONDS), "quarry up stops on SIGTERM");
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

    private String awaitWelcome(Path output) throws IOException, InterruptedException {
        for (int tries = 0; tries < 600; tries++) {
            String text = Files.exists(output) ? Files.readString(output, StandardCharsets.UTF_8) : "";
            if (text.contains("Stop with Ctrl-C.")) {
                return text;
            }
            if (!up.isAlive()) {
                throw new AssertionError("quarry up exited with " + up.exitValue() + ": "
                        + Files.readString(root.resolve("up.err")));
            }
            Thread.sleep(100);
        }
        throw new AssertionError("quarry up did not say it is up within 60 s: " + Files.readString(root.resolve("up.err")));
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
