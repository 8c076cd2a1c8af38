package dev.quarry.cli.remote;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/** Where HQ is and who we are: the options every command that runs on HQ shares. */
public final class RemoteOptions {
    @Option(names = "--hq", paramLabel = "[USER@]HOST[:PORT]",
            description = "HQ's SSH endpoint (default: the git remote named quarry of the current repository)")
    String hq;

    @Option(names = {"-a", "--app"}, paramLabel = "APP", description = "the app (default: the quarry remote's path)")
    String app;

    @Option(names = {"-i", "--identity"}, paramLabel = "FILE",
            description = "the private key (default: ~/.ssh/id_ed25519, id_ecdsa or id_rsa)")
    Path identity;

    @Option(names = "--known-hosts", paramLabel = "FILE", description = "known hosts (default: ~/.ssh/known_hosts)")
    Path knownHosts;

    @Option(names = "--local", description = "the stack quarry start runs on this machine, not HQ's")
    boolean local;

    @Option(names = {"-C", "--directory"}, paramLabel = "DIR",
            description = "find the app's repository from DIR instead of the current folder (as git -C)")
    Path directory = Path.of("");

    /** HQ and the app, from the options or else from the current repository's quarry remote. */
    HqTarget target() throws IOException {
        if (local) {
            String name = app != null ? app : dev.quarry.cli.local.LocalApp.name(directory);
            return dev.quarry.cli.local.LocalQuarry.of(name).target(name).orElseThrow(() -> new IllegalArgumentException(
                    name + " is not running on this machine; quarry start runs it"));
        }
        HqTarget target;
        if (hq != null) {
            target = HqAddress.parseOption(hq);
        } else {
            String url = GitRemote.quarryUrl(directory).orElseThrow(() -> new IllegalArgumentException(
                    "no HQ to talk to: add a git remote named quarry (git remote add quarry ssh://quarry@HOST:2222/APP)"
                            + " or pass --hq USER@HOST:PORT"));
            target = HqAddress.parseRemote(url).orElseThrow(() -> new IllegalArgumentException(
                    "the git remote quarry (" + url + ") is not an SSH URL such as ssh://quarry@HOST:2222/APP"));
        }
        return app != null ? target.withApp(app) : target;
    }

    Path identity(Path userHome, HqTarget target) {
        if (local) {
            return dev.quarry.cli.local.LocalQuarry.of(target.app().orElseThrow()).key();
        }
        if (identity != null) {
            return identity;
        }
        for (String name : new String[] {"id_ed25519", "id_ecdsa", "id_rsa"}) {
            Path candidate = userHome.resolve(".ssh").resolve(name);
            if (candidate.toFile().isFile()) {
                return candidate;
            }
        }
        throw new IllegalArgumentException("no SSH key in " + userHome.resolve(".ssh")
                + " (id_ed25519, id_ecdsa or id_rsa): make one with ssh-keygen or pass --identity FILE");
    }

    Path knownHosts(Path userHome, HqTarget target) {
        if (local) {
            return dev.quarry.cli.local.LocalQuarry.of(target.app().orElseThrow()).knownHosts();
        }
        return Optional.ofNullable(knownHosts).orElse(userHome.resolve(".ssh").resolve("known_hosts"));
    }
}
