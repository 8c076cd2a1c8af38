package dev.quarry.cli.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.cli.Main;
import dev.quarry.hq.Hq;
import dev.quarry.hq.HqOptions;
import dev.quarry.hq.QuarryHome;
import dev.quarry.testsupport.CommandResult;
import dev.quarry.testsupport.GitWorkTree;
import dev.quarry.testsupport.LoopbackPorts;
import dev.quarry.testsupport.OpenSshClient;
import dev.quarry.testsupport.SshKeys;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The quarry CLI's HQ verbs against a real HQ on a loopback port: the app comes from the git remote
 * named quarry, the key from --identity, HQ's host key from a known_hosts file.
 */
class RemoteVerbsTest {
    @TempDir
    Path root;

    private Hq hq;
    private SshKeys.KeyFiles key;
    private Path knownHosts;
    private GitWorkTree app;

    @BeforeEach
    void startHqAndPushAnApp() throws Exception {
        hq = Hq.start(new HqOptions(new QuarryHome(root.resolve("home")), new InetSocketAddress("127.0.0.1", 0)));
        key = SshKeys.ed25519(Files.createDirectories(root.resolve("keys")), "alice");
        Files.writeString(root.resolve("home/keys/alice.pub"), key.publicKeyLine() + "\n");
        knownHosts = OpenSshClient.writeKnownHosts(root.resolve("known_hosts"), hq.hostKeyLine());
        knownHosts = rewriteForPort(knownHosts, hq.port());
        OpenSshClient ssh = new OpenSshClient(hq.port(), key, root.resolve("known_hosts.openssh"));
        OpenSshClient.writeKnownHosts(root.resolve("known_hosts.openssh"), hq.hostKeyLine());
        app = GitWorkTree.init(Files.createDirectories(root.resolve("shop")), ssh.gitSshCommand());
        app.write("quarry.yml", "nodes:\n  web: {run: ./server, port: 8080, scale: 1}\n  worker: {run: ./worker}\n");
        app.commit("first");
        String url = "ssh://quarry@127.0.0.1:" + hq.port() + "/shop";
        app.git("remote", "add", "quarry", url);
        CommandResult push = app.push("quarry@127.0.0.1:shop", "HEAD:main");
        assertEquals(0, push.exitCode(), push.toString());
    }

    @AfterEach
    void stopHq() throws Exception {
        if (hq != null) {
            hq.close();
        }
    }

    @Test
    void listsAppsAndReleasesOfTheAppNamedByTheGitRemote() throws Exception {
        Output apps = quarry(app.directory(), "apps");
        Output releases = quarry(app.directory(), "releases");

        assertEquals(0, apps.status(), apps.err());
        assertTrue(apps.out().contains("shop"), apps.out());
        assertEquals(0, releases.status(), releases.err());
        assertTrue(releases.out().lines().anyMatch(line -> line.strip().startsWith("1 ")), releases.out());
    }

    @Test
    void scalesANodeAndConfigChangesMakeReleases() throws Exception {
        Output scale = quarry(app.directory(), "scale", "web=3");
        Output set = quarry(app.directory(), "config", "set", "GREETING=hello world");
        Output config = quarry(app.directory(), "config");

        assertEquals(0, scale.status(), scale.err());
        assertTrue(scale.out().lines().anyMatch(line -> line.strip().equals("SCALE   shop/web  3")), scale.out());
        assertEquals(0, set.status(), set.err());
        assertTrue(config.out().contains("GREETING") && config.out().contains("hello world"), config.out());
    }

    @Test
    void passesHqsRefusalAndExitStatusThrough() throws Exception {
        Output rollback = quarry(app.directory(), "rollback", "7");

        assertEquals(1, rollback.status(), rollback.err());
        assertEquals("quarry rollback: shop keeps no release 7 (kept: 1); see: releases shop\n", rollback.err());
        assertEquals("", rollback.out());
    }

    @Test
    void runPassesHqsOneLineRefusalsThrough() throws Exception {
        Output unknownNode = quarry(app.directory(), "run", "--node", "nosuch", "true");
        Output noGrid = quarry(app.directory(), "run", "true");

        assertEquals(2, unknownNode.status(), unknownNode.err());
        assertEquals("quarry run: shop has no node nosuch in release 1; its nodes: web, worker\n", unknownNode.err());
        assertEquals(1, noGrid.status(), noGrid.err());
        assertEquals("quarry run: this HQ runs no grid, so shop runs nowhere to run a command beside\n", noGrid.err());
        assertEquals("", noGrid.out());
    }

    @Test
    void asksHqForABuildLog() throws Exception {
        Output live = quarry(app.directory(), "logs", "--build");
        Output first = quarry(app.directory(), "logs", "--build", "1");

        assertEquals(1, live.status(), live.err());
        assertEquals("quarry logs: no build log of shop release 1 on this HQ: its nodes have no build commands, or"
                + " their build ran for another release or through another HQ; see: releases shop\n", live.err());
        assertEquals(live.err(), first.err());
    }

    @Test
    void saysInOneLineThatHqDoesNotAnswer() throws Exception {
        int closed = LoopbackPorts.free();
        app.git("remote", "set-url", "quarry", "ssh://quarry@127.0.0.1:" + closed + "/shop");

        Output apps = quarry(app.directory(), "apps");

        assertEquals(1, apps.status(), apps.err());
        assertEquals("quarry apps: HQ at quarry@127.0.0.1:" + closed + " did not answer: Connection refused (is HQ"
                + " running there? check the address in the git remote quarry or --hq)\n", apps.err());
    }

    @Test
    void saysHowToNameHqOutsideARepository() throws Exception {
        Path elsewhere = Files.createDirectories(root.resolve("elsewhere"));

        Output ps = quarry(elsewhere, "ps");

        assertEquals(2, ps.status());
        assertTrue(ps.err().contains("no HQ to talk to: add a git remote named quarry"), ps.err());
    }

    @Test
    void refusesAnHqWhoseHostKeyIsUnknown() throws Exception {
        Files.writeString(knownHosts, "");

        Output apps = quarry(app.directory(), "apps");

        assertEquals(1, apps.status());
        assertTrue(apps.err().contains("HQ at quarry@127.0.0.1:" + hq.port()), apps.err());
    }

    @Test
    void managesKeysAndAccessAndHintsInTheClisOwnSyntax() throws Exception {
        SshKeys.KeyFiles bob = SshKeys.ed25519(root.resolve("bob"), "bob");
        InputStream standardInput = System.in;
        Output added;
        try {
            System.setIn(Files.newInputStream(bob.publicKey()));
            added = quarry(app.directory(), "keys", "add", "bob");
        } finally {
            System.setIn(standardInput);
        }
        assertEquals(0, added.status(), added.err());
        assertTrue(added.out().startsWith("added bob: developer, SHA256:"), added.out());

        Output refused = quarry(bob, app.directory(), "releases");
        assertEquals(1, refused.status(), refused.err());
        assertEquals("quarry: bob may not see the releases of shop; an admin can run: quarry access grant bob shop\n",
                refused.err());
        assertEquals(0, quarry(app.directory(), "access", "grant", "bob", "shop").status());
        Output allowed = quarry(bob, app.directory(), "releases");
        assertEquals(0, allowed.status(), allowed.err());

        Output keys = quarry(app.directory(), "keys");
        assertTrue(keys.out().lines().anyMatch(line -> line.startsWith("bob    developer  SHA256:")
                && line.endsWith("  keys add        shop")), keys.out());
        Output audit = quarry(app.directory(), "audit", "shop", "-n", "1");
        assertTrue(audit.out().strip().endsWith("  alice  127.0.0.1  access grant bob shop"), audit.out());
        Output notForBob = quarry(bob, app.directory(), "keys", "remove", "alice");
        assertEquals("quarry: bob may not manage keys; that is for admins; see the apps you reach with: quarry"
                + " apps\n", notForBob.err());
    }

    private record Output(int status, String out, String err) {}

    private Output quarry(Path workingFolder, String... args) {
        return quarry(key, workingFolder, args);
    }

    private Output quarry(SshKeys.KeyFiles identity, Path workingFolder, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--identity", identity.privateKey().toString(), "--known-hosts", knownHosts.toString(),
                "-C", workingFolder.toString()));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        var commandLine = Main.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int status = commandLine.execute(all.toArray(String[]::new));
        return new Output(status, out.toString(), err.toString());
    }

    private static Path rewriteForPort(Path file, int port) throws Exception {
        String line = Files.readString(file).strip();
        String keyPart = line.substring(line.indexOf(' ') + 1);
        Files.writeString(file, "[127.0.0.1]:" + port + " " + keyPart + "\n");
        return file;
    }
}
