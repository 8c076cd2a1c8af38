package dev.quarry.cli.remote;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The verbs that manage who may do what on HQ: keys, access and the audit log (HQ allows them to admins). */
final class AccessVerbs {
    private AccessVerbs() {}

    @Command(name = "keys", mixinStandardHelpOptions = true,
            description = "List the keys HQ accepts: name, role, fingerprint, where kept, apps.",
            subcommands = {KeysAdd.class, KeysRemove.class})
    static final class Keys extends RemoteCommand {
        @Option(names = "--json", description = "print JSON") boolean json;

        @Override
        List<String> words(HqTarget target) {
            return with(List.of("keys"), json, "--json");
        }
    }

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = "Add a key (its public key on standard input: quarry keys add bob < bob.pub);"
                    + " a developer unless --admin.")
    static final class KeysAdd extends RemoteCommand {
        @Parameters(index = "0", paramLabel = "NAME", description = "the user's name") String name;
        @Option(names = "--admin", description = "an admin: every app, the grid, keys and access") boolean admin;

        @Override
        List<String> words(HqTarget target) {
            return with(List.of("keys", "add", name), admin, "--admin");
        }

        @Override
        Optional<InputStream> input() {
            return Optional.of(System.in);
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true,
            description = "Remove a user's keys and access; its keys no longer log in.")
    static final class KeysRemove extends RemoteCommand {
        @Parameters(index = "0", paramLabel = "NAME", description = "the user's name") String name;

        @Override
        List<String> words(HqTarget target) {
            return List.of("keys", "remove", name);
        }
    }

    @Command(name = "access", mixinStandardHelpOptions = true,
            description = "Let a developer reach an app, or no longer: access grant NAME APP | access revoke NAME APP.")
    static final class Access extends RemoteCommand {
        @Parameters(index = "0", paramLabel = "grant|revoke", description = "grant or revoke") String action;
        @Parameters(index = "1", paramLabel = "NAME", description = "the key's name") String name;
        @Parameters(index = "2", paramLabel = "APP", description = "the app") String app;

        @Override
        List<String> words(HqTarget target) {
            return List.of("access", action, name, app);
        }
    }

    @Command(name = "audit", mixinStandardHelpOptions = true,
            description = "Show the last state-changing actions: when, who, from where, what (only APP's with APP).")
    static final class Audit extends RemoteCommand {
        @Parameters(arity = "0..1", paramLabel = "APP", description = "only this app's actions") String app;
        @Option(names = {"-n", "--lines"}, paramLabel = "N", description = "how many (default 50)") Integer count;
        @Option(names = "--json", description = "print JSON") boolean json;

        @Override
        List<String> words(HqTarget target) {
            List<String> words = new ArrayList<>(List.of("audit"));
            if (app != null) {
                words.add(app);
            }
            if (count != null) {
                words.addAll(List.of("-n", Integer.toString(count)));
            }
            return with(words, json, "--json");
        }
    }
}
