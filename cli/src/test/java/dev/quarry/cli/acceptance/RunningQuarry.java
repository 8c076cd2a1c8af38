package dev.quarry.cli.acceptance;

import dev.quarry.testsupport.CommandResult;
import dev.quarry.testsupport.Commands;
import dev.quarry.testsupport.GitWorkTree;
import dev.quarry.testsupport.LoopbackHttp;
import dev.quarry.testsupport.LoopbackPorts;
import dev.quarry.testsupport.SshKeys;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code quarry up} from the packaged jar in its own process, for a user whose home (given with
 * {@code -Duser.home}) holds a key HQ trusts and HQ's host key; pushes with the real git and OpenSSH and
 * runs CLI verbs as that user. Closing it sends SIGTERM, which stops the apps, the servers and nginx.
 */
final class RunningQuarry implements AutoCloseable {
    private static final Path ROOT = Path.of(System.getProperty("quarry.root", "..")).toAbsolutePath().normalize();

    private final Path root;
    private final Path jar;
    private final Path userHome;
    private final Process up;
    private final int ssh;
    private final int http;
    private final String sshCommand;

    private RunningQuarry(Path root, Path jar, Path userHome, Process up, int ssh, int http, String sshCommand) {
        this.root = root;
        this.jar = jar;
        this.userHome = userHome;
        this.up = up;
        this.ssh = ssh;
        this.http = http;
        this.sshCommand = sshCommand;
    }

    /**
     * Starts {@code quarry up --servers N --max-servers N} and waits until it says it is up. The packaged
     * jar is copied first, so a build running meanwhile cannot change it under the test's feet.
     */
    static RunningQuarry start(Path root, int servers) throws IOException, InterruptedException {
        Path jar = Files.copy(ROOT.resolve("cli/target/quarry.jar"), root.resolve("quarry.jar"));
        Path userHome = Files.createDirectories(root.resolve("user"));
        Path dotSsh = Files.createDirectories(userHome.resolve(".ssh"));
        SshKeys.KeyFiles key = SshKeys.ed25519(dotSsh, "id_ed25519");
        int ssh = LoopbackPorts.free();
        int http = LoopbackPorts.free();
        Path output = root.resolve("up.out");
        Process up = new ProcessBuilder(java(), "-Duser.home=" + userHome, "-jar", jar.toString(), "up",
                "--home", root.resolve("home").toString(), "--ssh", "127.0.0.1:" + ssh, "--http", "127.0.0.1:" + http, "--dashboard", "127.0.0.1:0",
                "--servers", Integer.toString(servers), "--max-servers", Integer.toString(servers))
                .redirectOutput(output.toFile()).redirectError(root.resolve("up.err").toFile()).start();
        try {
            String welcome = awaitWelcome(up, output, root.resolve("up.err"));
            Path knownHosts = dotSsh.resolve("known_hosts");
            Files.writeString(knownHosts, knownHostsLine(welcome) + "\n");
            String sshCommand = "ssh -F /dev/null -i " + key.privateKey() + " -o IdentitiesOnly=yes -o BatchMode=yes"
                    + " -o UserKnownHostsFile=" + knownHosts + " -o StrictHostKeyChecking=yes";
            return new RunningQuarry(root, jar, userHome, up, ssh, http, sshCommand);
        } catch (IOException | InterruptedException | RuntimeException | AssertionError e) {
            stop(up);
            throw e;
        }
    }

    /** A new git work tree for {@code app} with the remote {@code quarry} pointing at this HQ. */
    GitWorkTree repository(String app) {
        GitWorkTree tree = GitWorkTree.init(root.resolve("apps").resolve(app), sshCommand);
        tree.git("remote", "add", "quarry", "ssh://quarry@127.0.0.1:" + ssh + "/" + app);
        return tree;
    }

    /** {@code git push quarry main}, whatever happens. */
    static CommandResult push(GitWorkTree tree) {
        return tree.run("push", "quarry", "main");
    }

    /** {@code quarry ARGS...} from the packaged jar, run in {@code folder} as the test's user. */
    CommandResult quarry(Path folder, String... arguments) {
        List<String> command = new ArrayList<>(List.of(java(), "-Duser.home=" + userHome, "-jar", jar.toString()));
        command.addAll(List.of(arguments));
        return Commands.run(command, folder, Map.of());
    }

    /** GET / of {@code domain} through nginx. */
    LoopbackHttp.Answer get(String domain) {
        return LoopbackHttp.get("127.0.0.1", http, domain, "/");
    }

    int httpPort() {
        return http;
    }

    Path root() {
        return root;
    }

    @Override
    public void close() throws InterruptedException {
        stop(up);
    }

    private static void stop(Process up) throws InterruptedException {
        if (up.isAlive()) {
            up.destroy();
            if (!up.waitFor(90, TimeUnit.SECONDS)) {
                Commands.kill(up);
            }
        }
    }

    private static String knownHostsLine(String welcome) {
        String line = welcome.lines().filter(it -> it.strip().startsWith("echo '[127.0.0.1]")).findFirst().orElseThrow(
                () -> new AssertionError("no known_hosts line in: " + welcome));
        return line.substring(line.indexOf('\'') + 1, line.lastIndexOf('\''));
    }

    private static String awaitWelcome(Process up, Path output, Path errors) throws IOException, InterruptedException {
        for (int tries = 0; tries < 900; tries++) {
            String text = Files.exists(output) ? Files.readString(output, StandardCharsets.UTF_8) : "";
            if (text.contains("Stop with Ctrl-C.")) {
                return text;
            }
            if (!up.isAlive()) {
                throw new AssertionError("quarry up exited with " + up.exitValue() + ": " + Files.readString(errors));
            }
            Thread.sleep(100);
        }
        throw new AssertionError("quarry up did not say it is up within 90 s: " + Files.readString(errors));
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
