package dev.quarry.hq.endtoend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.quarry.hq.state.JsonValues;
import dev.quarry.testsupport.CommandResult;
import dev.quarry.testsupport.Commands;
import dev.quarry.testsupport.GitWorkTree;
import dev.quarry.testsupport.OpenSshClient;
import dev.quarry.testsupport.SshKeys;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Who may do what, through the real OpenSSH client and git: alice (the key present at the home's first use)
 * is an admin, bob (added with keys add) and carol (a key file copied into keys/ later) are developers.
 */
class AccessOverSshTest {
    private static final String HINT = "; an admin can run: ssh quarry@HQ access grant bob hello";

    @TempDir
    Path root;

    private RunningHq hq;
    private GitWorkTree hello;
    private SshKeys.KeyFiles bobKey;
    private OpenSshClient bob;

    @BeforeEach
    void start() {
        hq = RunningHq.start(root);
        hello = hq.workTree("hello");
        hello.write("quarry.yml", QuarryFiles.WEB).write("server", "v1\n").commit("first");
        hello.push(RunningHq.url("hello"), "main").requireSuccess();
        bobKey = SshKeys.ed25519(root.resolve("clients/bob"), "bob");
        CommandResult added = Keys.runWithInput(hq.alice(), bobKey.publicKey(), "keys", "add", "bob").requireSuccess();
        assertTrue(added.stdout().startsWith("added bob: developer, SHA256:"), added.describe());
        bob = hq.stranger(bobKey);
    }

    @AfterEach
    void stop() {
        hq.close();
    }

    @Test
    void aDeveloperIsRefusedOnEveryVerbOfAnotherAppUntilGrantedAndAgainAfterRevoke() {
        assertRefusedEverywhere();
        assertEquals(List.of("bob now reaches hello"),
                hq.alice().run("access", "grant", "bob", "hello").requireSuccess().stdoutLines());

        for (List<String> words : List.of(List.of("releases", "hello"), List.of("config", "hello"),
                List.of("ps", "hello"), List.of("config", "hello", "set", "A=1"), List.of("scale", "hello", "web=2"),
                List.of("rollback", "hello", "2"))) {
            bob.run(words.toArray(String[]::new)).requireSuccess();
        }
        assertTrue(bob.run("logs", "hello").stderr().startsWith("quarry logs: logs of hello are not available"),
                "allowed: it fails only for want of a grid");
        assertTrue(bob.run("apps").requireSuccess().stdoutLines().get(1).startsWith("hello "));
        GitWorkTree clone = clone("hello").requireSuccess();
        clone.write("server", "by bob\n").commit("bob's change");
        clone.push(RunningHq.url("hello"), "main").requireSuccess();

        assertEquals(List.of("bob no longer reaches hello"),
                hq.alice().run("access", "revoke", "bob", "hello").requireSuccess().stdoutLines());
        assertRefusedEverywhere();

        List<String> audit = hq.alice().run("audit", "hello").requireSuccess().stdoutLines();
        assertEquals("WHEN                  WHO    FROM       WHAT", audit.getFirst());
        List<String> what = audit.stream().skip(1).map(line -> line.substring(22)).toList();
        assertEquals("alice  127.0.0.1  push hello: main new at " + hello.head().substring(0, 12), what.get(0));
        assertEquals(List.of("alice  127.0.0.1  access grant bob hello", "bob    127.0.0.1  config hello set A",
                "bob    127.0.0.1  scale hello web=2", "bob    127.0.0.1  rollback hello to release 2"),
                what.subList(1, 5));
        assertTrue(what.get(5).startsWith("bob    127.0.0.1  push hello: main "), what.get(5));
        assertEquals("alice  127.0.0.1  access revoke bob hello", what.get(6));
        assertEquals(7, what.size(), String.join("\n", audit));
    }

    private void assertRefusedEverywhere() {
        int releases = releaseCount();
        GitWorkTree mine = GitWorkTree.init(root.resolve("work/bob-" + releases), bob.gitSshCommand());
        mine.write("quarry.yml", QuarryFiles.WEB).write("server", "bob's\n").commit("replace");
        assertRefused(mine.push(RunningHq.url("hello"), "--force", "main"), "bob may not deploy hello");
        assertRefused(clone("hello").result(), "bob may not clone hello");
        assertRefused(bob.run("releases", "hello"), "bob may not see the releases of hello");
        assertRefused(bob.run("config", "hello"), "bob may not configure hello");
        assertRefused(bob.run("config", "hello", "set", "A=2"), "bob may not configure hello");
        assertRefused(bob.run("scale", "hello", "web=3"), "bob may not scale hello");
        assertRefused(bob.run("rollback", "hello"), "bob may not roll back hello");
        assertRefused(bob.run("logs", "hello", "-n", "5"), "bob may not read the logs of hello");
        assertRefused(bob.run("ps", "hello"), "bob may not see the containers of hello");
        assertEquals(List.of("no apps yet; push one: git push quarry@HQ:APP main"),
                bob.run("apps").requireSuccess().stdoutLines(), "bob sees no app it does not reach");
        assertEquals(releases, releaseCount(), "nothing was released");
    }

    @Test
    void gridWideVerbsAreForAdmins() {
        String forAdmins = "; that is for admins; see the apps you reach with: ssh quarry@HQ apps";
        assertOneLine(bob.run("servers"), "quarry: bob may not see the servers" + forAdmins);
        assertOneLine(bob.run("grid"), "quarry: bob may not see the grid" + forAdmins);
        assertOneLine(bob.run("grid", "hello"), "quarry: bob may not see the grid" + forAdmins);
        assertOneLine(bob.run("ps"), "quarry: bob may not list every app's containers (ps without an app)" + forAdmins);
        hq.alice().run("servers").requireSuccess();
        hq.alice().run("ps").requireSuccess();
    }

    @Test
    void aDevelopersFirstPushCreatesAnAppItReachesAndOtherDevelopersDoNot() {
        GitWorkTree mine = GitWorkTree.init(root.resolve("work/mine"), bob.gitSshCommand());
        mine.write("quarry.yml", QuarryFiles.WEB).write("server", "v1\n").commit("first");
        mine.push(RunningHq.url("bobs"), "main").requireSuccess();
        bob.run("releases", "bobs").requireSuccess();
        assertEquals(List.of("bobs"), bob.run("apps").requireSuccess().stdoutLines().stream().skip(1)
                .map(line -> line.split(" ")[0]).toList());

        OpenSshClient carol = hq.client("carol");
        assertOneLine(carol.run("releases", "bobs"), "quarry: carol may not see the releases of bobs; an admin can"
                + " run: ssh quarry@HQ access grant carol bobs");
        assertOneLine(carol.run("servers"), "quarry: carol may not see the servers; that is for admins; see the apps"
                + " you reach with: ssh quarry@HQ apps");

        List<String> keys = hq.alice().run("keys").requireSuccess().stdoutLines();
        assertEquals("NAME   ROLE       FINGERPRINT", keys.getFirst().substring(0, 29));
        assertTrue(keys.get(1).startsWith("alice  admin      SHA256:"), keys.get(1));
        assertTrue(keys.get(1).endsWith("  keys/alice.pub  (all)"), keys.get(1));
        assertTrue(keys.get(2).startsWith("bob    developer  SHA256:"), keys.get(2));
        assertTrue(keys.get(2).endsWith("  keys add        bobs"), keys.get(2));
        assertTrue(keys.get(3).startsWith("carol  developer  SHA256:"), keys.get(3));
        assertTrue(keys.get(3).endsWith("  keys/carol.pub"), keys.get(3));
    }

    @Test
    void aFailedFirstPushLeavesTheNameFree() throws InterruptedException {
        GitWorkTree broken = GitWorkTree.init(root.resolve("work/broken"), bob.gitSshCommand());
        broken.write("quarry.yml", QuarryFiles.INVALID_SCALE).commit("broken");
        assertFalse(broken.push(RunningHq.url("taken"), "main").succeeded());
        awaitGone(hq.home().resolve("access/apps/taken.json"));
        OpenSshClient carol = hq.client("carol");
        GitWorkTree hers = GitWorkTree.init(root.resolve("work/hers"), carol.gitSshCommand());
        hers.write("quarry.yml", QuarryFiles.WEB).write("server", "v1\n").commit("first");
        hers.push(RunningHq.url("taken"), "main").requireSuccess();
        assertOneLine(bob.run("releases", "taken"), "quarry: bob may not see the releases of taken; an admin can run:"
                + " ssh quarry@HQ access grant bob taken");
    }

    @Test
    void aRemovedKeyCannotLogIn() {
        OpenSshClient carol = hq.client("carol");
        carol.run("apps").requireSuccess();
        bob.run("apps").requireSuccess();
        assertEquals(List.of("removed bob: its keys no longer log in"),
                hq.alice().run("keys", "remove", "bob").requireSuccess().stdoutLines());
        assertEquals(List.of("removed carol and keys/carol.pub: its keys no longer log in"),
                hq.alice().run("keys", "remove", "carol").requireSuccess().stdoutLines());
        for (OpenSshClient removed : List.of(bob, carol)) {
            CommandResult result = removed.run("apps");
            assertEquals(255, result.exitCode(), result.describe());
            assertTrue(result.stderr().contains("Permission denied (publickey)"), result.describe());
        }
        assertFalse(Files.exists(hq.home().resolve("keys/carol.pub")));
        assertOneLine(hq.alice().run("keys", "remove", "alice"),
                "quarry keys: alice is the last admin; add another first: keys add NAME --admin < KEY.pub");
    }

    @Test
    void aDeveloperCannotAddKeysOrGrantItself() {
        SshKeys.KeyFiles mallory = SshKeys.ed25519(root.resolve("clients/mallory"), "mallory");
        String forAdmins = "; that is for admins; see the apps you reach with: ssh quarry@HQ apps";
        assertOneLine(Keys.runWithInput(bob, mallory.publicKey(), "keys", "add", "mallory", "--admin"),
                "quarry: bob may not manage keys" + forAdmins);
        assertOneLine(bob.run("access", "grant", "bob", "hello"), "quarry: bob may not manage access" + forAdmins);
        assertOneLine(bob.run("keys"), "quarry: bob may not manage keys" + forAdmins);
        assertOneLine(bob.run("audit"), "quarry: bob may not read the audit log" + forAdmins);
        assertEquals(255, hq.stranger(mallory).run("apps").exitCode(), "mallory was not added");
        assertRefused(bob.run("releases", "hello"), "bob may not see the releases of hello");
    }

    @Test
    void keysAddRefusesWeakAndDuplicateKeys() {
        SshKeys.KeyFiles weak = Keys.rsa(root.resolve("clients/weak"), "weak", 1024);
        assertOneLine(Keys.runWithInput(hq.alice(), weak.publicKey(), "keys", "add", "weak"),
                "quarry keys: this RSA key has 1024 bits; HQ accepts RSA keys of 2048 bits or more; make an ed25519"
                        + " key: ssh-keygen -t ed25519");
        SshKeys.KeyFiles other = SshKeys.ed25519(root.resolve("clients/other"), "other");
        assertOneLine(Keys.runWithInput(hq.alice(), other.publicKey(), "keys", "add", "bob"),
                "quarry keys: a key named bob exists already; pick another name, or remove it first: keys remove bob");
        assertOneLine(Keys.runWithInput(hq.alice(), other.publicKey(), "keys", "add", "alice"),
                "quarry keys: a key named alice exists already; pick another name, or remove it first: keys remove"
                        + " alice");
        CommandResult again = Keys.runWithInput(hq.alice(), bobKey.publicKey(), "keys", "add", "robert");
        assertEquals(1, again.exitCode(), again.describe());
        assertTrue(again.stderr().startsWith("quarry keys: that key is bob's already (SHA256:"), again.describe());
        assertOneLine(hq.alice().run("keys", "add", "empty"), "quarry keys: no public key on standard input; send one"
                + " line such as: ssh-ed25519 AAAA... you@laptop (the .pub file of your key)");
        assertEquals(255, hq.stranger(weak).run("apps").exitCode());
        SshKeys.KeyFiles strong = Keys.rsa(root.resolve("clients/strong"), "strong", 3072);
        assertTrue(Keys.runWithInput(hq.alice(), strong.publicKey(), "keys", "add", "strong", "--admin")
                .requireSuccess().stdout().startsWith("added strong: admin, SHA256:"));
        hq.stranger(strong).run("servers").requireSuccess();
    }

    @Test
    void aForcePushByTheAppsDeveloperIsAllowedAndAuditedWithBothCommits() {
        hq.alice().run("access", "grant", "bob", "hello").requireSuccess();
        String before = hello.head();
        GitWorkTree mine = GitWorkTree.init(root.resolve("work/rewrite"), bob.gitSshCommand());
        String after = mine.write("quarry.yml", QuarryFiles.WEB).write("server", "rewritten\n").commit("rewrite");
        assertFalse(mine.push(RunningHq.url("hello"), "main").succeeded(), "not a fast-forward without --force");
        mine.push(RunningHq.url("hello"), "--force", "main").requireSuccess();
        List<String> audit = hq.alice().run("audit", "hello", "-n", "1").requireSuccess().stdoutLines();
        assertEquals(2, audit.size(), String.join("\n", audit));
        assertTrue(audit.get(1).endsWith("  bob  127.0.0.1  force push hello: main " + before + " -> " + after
                + " (not a fast-forward)"), audit.get(1));
    }

    @Test
    void concurrentGrantsAndRevokesFromTwoConnectionsEndConsistent() throws Exception {
        OpenSshClient carol = hq.client("carol");
        carol.run("apps").requireSuccess();
        List<String> apps = List.of("a1", "a2", "a3", "a4", "a5", "a6");
        for (String app : apps) {
            hq.alice().run("access", "grant", "carol", app).requireSuccess();
        }
        OpenSshClient alice = hq.alice();
        Thread granting = Thread.ofPlatform().start(() -> apps.forEach(app ->
                alice.run("access", "grant", "bob", app).requireSuccess()));
        for (String app : apps) {
            alice.run("access", "revoke", "carol", app).requireSuccess();
        }
        granting.join();
        JsonNode keys = JsonValues.MAPPER.readTree(alice.run("keys", "--json").requireSuccess().stdout());
        Map<String, List<String>> reached = new java.util.TreeMap<>();
        keys.forEach(row -> reached.put(row.get("name").asText(), JsonValues.MAPPER.convertValue(row.get("apps"),
                JsonValues.MAPPER.getTypeFactory().constructCollectionType(List.class, String.class))));
        assertEquals(Map.of("alice", List.of("(all)"), "bob", apps, "carol", List.of()), reached);
    }

    /**
     * Waits (10 s at most) for a refused first push's claim to go: HQ gives it up when receive-pack ends, which
     * can be just after git already reported the refusal.
     */
    private static void awaitGone(Path file) throws InterruptedException {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
        while (Files.exists(file) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertFalse(Files.exists(file), file + " is still there");
    }

    private Clone clone(String app) {
        Path target = root.resolve("clones").resolve(app + "-" + System.nanoTime());
        Path home = root.resolve("clones").resolve(target.getFileName() + "-home");
        try {
            Files.createDirectories(home);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        GitWorkTree tree = new GitWorkTree(target, home, bob.gitSshCommand());
        CommandResult result = Commands.run(List.of("git", "clone", "-q", RunningHq.url(app), target.toString()),
                root, tree.environment());
        if (result.succeeded()) {
            tree.git("config", "user.name", "Bob");
            tree.git("config", "user.email", "bob@quarry.invalid");
        }
        return new Clone(tree, result);
    }

    /** A clone attempt: the work tree (when it worked) and what git said. */
    private record Clone(GitWorkTree tree, CommandResult result) {
        GitWorkTree requireSuccess() {
            result.requireSuccess();
            return tree;
        }
    }

    private int releaseCount() {
        try {
            return JsonValues.MAPPER.readTree(hq.alice().run("releases", "hello", "--json").requireSuccess().stdout())
                    .size();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void assertRefused(CommandResult result, String reason) {
        assertFalse(result.succeeded(), result.describe());
        assertEquals("quarry: " + reason + HINT.replace("hello", reason.substring(reason.lastIndexOf(' ') + 1)),
                result.stderrLines().getFirst(), result.describe());
    }

    private static void assertOneLine(CommandResult result, String line) {
        assertFalse(result.succeeded(), result.describe());
        assertEquals(List.of(line), result.stderrLines(), result.describe());
    }
}
