package dev.quarry.hq.endtoend;

import dev.quarry.hq.Hq;
import dev.quarry.hq.HqOptions;
import dev.quarry.hq.QuarryHome;
import dev.quarry.hq.grid.GridSettings;
import dev.quarry.hq.launch.Launcher;
import dev.quarry.hq.launch.PlanPrintingLauncher;
import dev.quarry.testsupport.GitWorkTree;
import dev.quarry.testsupport.OpenSshClient;
import dev.quarry.testsupport.SshKeys;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * HQ running in this JVM on a random loopback port with a fresh home, and clients for it: the real
 * OpenSSH client with a key HQ knows (user alice) and git work trees pushing through it.
 */
final class RunningHq implements AutoCloseable {
    private final Path root;
    private final Hq hq;
    private final OpenSshClient alice;
    private final SshKeys.KeyFiles aliceKey;

    private RunningHq(Path root, Hq hq, OpenSshClient alice, SshKeys.KeyFiles aliceKey) {
        this.root = root;
        this.hq = hq;
        this.alice = alice;
        this.aliceKey = aliceKey;
    }

    static RunningHq start(Path root) {
        return start(root, new PlanPrintingLauncher());
    }

    static RunningHq start(Path root, Launcher launcher) {
        try {
            QuarryHome home = new QuarryHome(root.resolve("home"));
            return withAlice(root, Hq.start(new HqOptions(home, new InetSocketAddress("127.0.0.1", 0)), launcher));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** HQ keeping its state in etcd, without a grid (pushes are planned and recorded). */
    static RunningHq startOnEtcd(Path root, String endpoint) {
        try {
            QuarryHome home = new QuarryHome(root.resolve("home"));
            return withAlice(root, Hq.start(new HqOptions(home, new InetSocketAddress("127.0.0.1", 0))
                    .withEtcd(endpoint)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** HQ keeping its state in etcd, started with an empty home: no key files, no alice of its own. */
    static RunningHq startOnEtcdWithoutKeys(Path root, String endpoint) {
        try {
            QuarryHome home = new QuarryHome(root.resolve("home"));
            return new RunningHq(root, Hq.start(new HqOptions(home, new InetSocketAddress("127.0.0.1", 0))
                    .withEtcd(endpoint)), null, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** HQ on a grid: its launcher starts containers on the grid's agents and routes them. */
    static RunningHq startWithGrid(Path root, GridSettings grid) {
        try {
            QuarryHome home = new QuarryHome(root.resolve("home"));
            return withAlice(root, Hq.start(new HqOptions(home, new InetSocketAddress("127.0.0.1", 0)).withGrid(grid)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** HQ on a grid serving its dashboard on a free loopback port. */
    static RunningHq startWithGridAndDashboard(Path root, GridSettings grid) {
        try {
            QuarryHome home = new QuarryHome(root.resolve("home"));
            return withAlice(root, Hq.start(new HqOptions(home, new InetSocketAddress("127.0.0.1", 0)).withGrid(grid)
                    .withDashboard("127.0.0.1:0")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static RunningHq withAlice(Path root, Hq hq) {
        RunningHq running = new RunningHq(root, hq, null, null);
        SshKeys.KeyFiles key = running.keyFile("alice");
        return new RunningHq(root, hq, running.stranger(key), key);
    }

    /** The key of this HQ's alice (her key file in this home's keys/). */
    SshKeys.KeyFiles aliceKey() {
        return aliceKey;
    }

    Hq hq() {
        return hq;
    }

    Path home() {
        return hq.home().root();
    }

    int port() {
        return hq.port();
    }

    OpenSshClient alice() {
        return alice;
    }

    /** A client with a new key; HQ knows it as {@code user} (keys/user.pub, replaced when HQ starts again). */
    OpenSshClient client(String user) {
        return stranger(keyFile(user));
    }

    /** A new key for {@code user}, its public half put in this home's keys/user.pub. */
    private SshKeys.KeyFiles keyFile(String user) {
        SshKeys.KeyFiles key = SshKeys.ed25519(root.resolve("clients").resolve(user + "-" + port()), user);
        try {
            Files.copy(key.publicKey(), home().resolve("keys").resolve(user + ".pub"),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return key;
    }

    /** A client whose key HQ does not know. */
    OpenSshClient stranger(SshKeys.KeyFiles key) {
        Path knownHosts = OpenSshClient.writeKnownHosts(key.privateKey().resolveSibling("known_hosts"),
                hq.hostKeyLine());
        return new OpenSshClient(port(), key, knownHosts);
    }

    /** A new git work tree pushing as alice. */
    GitWorkTree workTree(String name) {
        return GitWorkTree.init(root.resolve("work").resolve(name), alice.gitSshCommand());
    }

    /** The push URL of an app, scp style as users write it. */
    static String url(String app) {
        return "quarry@127.0.0.1:" + app;
    }

    @Override
    public void close() {
        try {
            hq.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
