package dev.quarry.hq.endtoend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.quarry.compiler.ParseResult;
import dev.quarry.compiler.QuarryFile;
import dev.quarry.hq.state.JsonValues;
import dev.quarry.testsupport.CommandResult;
import dev.quarry.testsupport.Commands;
import dev.quarry.testsupport.Folders;
import dev.quarry.testsupport.GitWorkTree;
import dev.quarry.testsupport.LoopbackHttp;
import dev.quarry.testsupport.ProcessOutput;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** git push through the real OpenSSH client to HQ: the exact remote lines, rejections, releases. */
class PushPipelineTest {
    @TempDir
    Path root;

    private RunningHq hq;

    @BeforeEach
    void start() {
        hq = RunningHq.start(root);
    }

    @AfterEach
    void stop() {
        hq.close();
    }

    @Test
    void firstPushDeploysReleaseOneAndServesIt() {
        try (RunningGrid grid = RunningGrid.start(root.resolve("grid"), 1)) {
            GitWorkTree shop = grid.hq().workTree("shop");
            String commit = shop.write("quarry.yml", TestApps.web("shop.test", 1, ""))
                    .write("public/index.html", "shop one\n").commit("first");

            CommandResult push = shop.push(RunningHq.url("shop"), "main").requireSuccess();

            String shortCommit = commit.substring(0, 12);
            List<String> lines = GitWorkTree.remoteLines(push);
            assertEquals(List.of(
                    "-----> shop: main " + shortCommit + ", pushed by alice",
                    "       plan for shop release 1 (" + shortCommit + "): 2 instructions",
                    "         DEPLOY  shop/web  release=1 scale=1",
                    "         ROUTE   shop/web  domains=[shop.test]"), lines.subList(0, 4), push.describe());
            assertTrue(lines.stream().anyMatch(line -> line.matches(
                    "-----> DEPLOY shop/web 1/1 healthy on s1 \\([0-9.]+ s\\)")), push.describe());
            assertEquals("-----> shop release 1 is live: http://shop.test:" + grid.routerPort(), lines.getLast(),
                    push.describe());
            assertTrue(push.stderr().contains(" * [new branch]      main -> main"), push.describe());
            assertEquals(commit, remoteHead(shop, "shop", "main"));
            assertEquals(new LoopbackHttp.Answer(200, "shop one\n"), grid.get("shop.test", "/"));
        }
    }

    @Test
    void aPushToAnHqWithoutAGridIsRecordedAndSaysThatNothingRuns() {
        GitWorkTree shop = hq.workTree("shop");
        String commit = shop.write("quarry.yml", QuarryFiles.WEB).write("server", "#!/bin/sh\n").commit("first");

        CommandResult push = shop.push(RunningHq.url("shop"), "main").requireSuccess();

        String shortCommit = commit.substring(0, 12);
        assertEquals(List.of(
                "-----> shop: main " + shortCommit + ", pushed by alice",
                "       plan for shop release 1 (" + shortCommit + "): 2 instructions",
                "         DEPLOY  shop/web  release=1 scale=1",
                "         ROUTE   shop/web  domains=[shop.example.com]",
                "-----> shop release 1 recorded; nothing runs: HQ has no grid (start it with --router ADDR:PORT to"
                        + " run containers)"), GitWorkTree.remoteLines(push));
        assertEquals(commit, remoteHead(shop, "shop", "main"));
        assertTrue(Files.isRegularFile(hq.home().resolve("stacks/shop/src/server")), "the source is exported");
    }

    @Test
    void invalidQuarryFileIsRejectedWithTheCompilersLinesAndChangesNothing() throws Exception {
        GitWorkTree shop = hq.workTree("shop");
        String good = shop.write("quarry.yml", QuarryFiles.WEB).commit("good");
        shop.push(RunningHq.url("shop"), "main").requireSuccess();
        List<String> stateBefore = Folders.listRecursively(hq.home().resolve("stacks/shop/releases"));
        shop.write("quarry.yml", QuarryFiles.INVALID_SCALE).commit("bad");

        CommandResult push = shop.push(RunningHq.url("shop"), "main");

        assertFalse(push.succeeded(), push.describe());
        assertEquals(compilerLines(QuarryFiles.INVALID_SCALE), GitWorkTree.remoteLines(push));
        assertTrue(GitWorkTree.remoteLines(push).getFirst().startsWith("quarry.yml:5:12: nodes.web.scale: "));
        assertTrue(push.stderrLines().contains(
                " ! [remote rejected] main -> main (quarry.yml is invalid: 1 problem, see the lines above)"),
                push.describe());
        assertEquals(good, remoteHead(shop, "shop", "main"));
        assertEquals(stateBefore, Folders.listRecursively(hq.home().resolve("stacks/shop/releases")));
        assertEquals(1, releases("shop").size());
    }

    @Test
    void invalidFirstPushLeavesNothingOnDisk() {
        GitWorkTree fresh = hq.workTree("fresh");
        fresh.write("quarry.yml", QuarryFiles.INVALID_SCALE).commit("bad");

        CommandResult push = fresh.push(RunningHq.url("fresh"), "main");

        assertFalse(push.succeeded(), push.describe());
        assertLeftNothing("fresh");
    }

    @Test
    void aFirstPushWhoseClientHangsUpAtTheRefusalLeavesNothingOnDisk() throws Exception {
        GitWorkTree fresh = hq.workTree("fresh");
        fresh.write("quarry.yml", QuarryFiles.INVALID_SCALE).write("big.bin", randomBytes(2 << 20)).commit("bad");
        Path stdout = root.resolve("push.out");
        Path stderr = root.resolve("push.err");
        Process push = Commands.start(List.of("git", "push", RunningHq.url("fresh"), "main"), fresh.directory(),
                fresh.environment(), stdout.toFile(), stderr.toFile());
        try {
            ProcessOutput.awaitLine(push, stderr, stdout, "remote: quarry.yml:5:12: nodes.web.scale: ");
        } finally {
            Commands.kill(push);
        }

        // HQ drops the push's repository before it frees the app's deploy lock, so once a second push
        // has been refused (it waited for the lock), the first one's leftovers would be there to see.
        CommandResult second = fresh.push(RunningHq.url("fresh"), "main");

        assertFalse(second.succeeded(), second.describe());
        assertLeftNothing("fresh");
    }

    @Test
    void secondPushIsReleaseTwoAndRollbackRedeploysReleaseOnesCommit() {
        GitWorkTree shop = hq.workTree("shop");
        String first = shop.write("quarry.yml", QuarryFiles.WEB).commit("first");
        shop.push(RunningHq.url("shop"), "main").requireSuccess();
        String second = shop.write("server", "#!/bin/sh\necho two\n").commit("second");

        CommandResult push = shop.push(RunningHq.url("shop"), "main").requireSuccess();
        assertTrue(GitWorkTree.remoteLines(push).contains("       plan for shop release 2 (" + second.substring(0, 12)
                + "): 1 instruction"), push.describe());

        CommandResult rollback = hq.alice().run("rollback", "shop").requireSuccess();
        assertEquals("-----> shop: main " + first.substring(0, 12) + ", rollback to release 1 by alice",
                rollback.stdoutLines().getFirst());
        List<JsonNode> releases = releases("shop");
        assertEquals(3, releases.getFirst().get("release").asInt());
        assertEquals(first, releases.getFirst().get("commit").asText());
        assertEquals("live", releases.getFirst().get("status").asText());
        assertEquals("rollback to release 1", releases.getFirst().get("reason").asText());

        hq.alice().run("rollback", "shop").requireSuccess();
        assertEquals(second, releases("shop").getFirst().get("commit").asText(), "rolling back again goes to 2");
    }

    @Test
    void pushesToOtherBranchesAreStoredNotDeployed() {
        GitWorkTree shop = hq.workTree("shop");
        shop.write("quarry.yml", QuarryFiles.WEB).commit("first");
        shop.push(RunningHq.url("shop"), "main").requireSuccess();
        shop.git("checkout", "-q", "-b", "feature");
        String feature = shop.write("server", "feature\n").commit("feature");

        CommandResult push = shop.push(RunningHq.url("shop"), "feature").requireSuccess();

        assertEquals(List.of("-----> stored feature, not deployed: shop deploys from main"),
                GitWorkTree.remoteLines(push));
        assertEquals(feature, remoteHead(shop, "shop", "feature"));
        assertEquals(1, releases("shop").size());
    }

    @Test
    void pushWithoutQuarryFileIsRejected() {
        GitWorkTree bare = hq.workTree("bare");
        String commit = bare.write("quarry.yaml", QuarryFiles.WEB).commit("wrong name");

        CommandResult push = bare.push(RunningHq.url("bare"), "main");

        String reason = "no quarry.yml in main " + commit.substring(0, 12)
                + "; add one (or a Procfile) to the repository root (rename quarry.yaml to quarry.yml)";
        assertEquals(List.of(reason), GitWorkTree.remoteLines(push));
        assertTrue(push.stderrLines().contains(" ! [remote rejected] main -> main (" + reason + ")"), push.describe());
    }

    @Test
    void sshUrlsWithSlashAndGitSuffixReachTheSameApp() {
        GitWorkTree shop = hq.workTree("shop");
        String commit = shop.write("quarry.yml", QuarryFiles.WEB).commit("first");
        shop.push("ssh://quarry@127.0.0.1/shop.git", "main").requireSuccess();

        GitWorkTree clone = GitWorkTree.init(root.resolve("clone-parent"), hq.alice().gitSshCommand());
        clone.git("clone", "-q", RunningHq.url("shop"), "copy");
        assertEquals(commit, clone.git("-C", "copy", "rev-parse", "HEAD").stdout().strip());
        assertTrue(Files.isRegularFile(root.resolve("clone-parent/copy/quarry.yml")));
    }

    @Test
    void theDeployBranchCannotBeDeleted() {
        GitWorkTree shop = hq.workTree("shop");
        String commit = shop.write("quarry.yml", QuarryFiles.WEB).commit("first");
        shop.push(RunningHq.url("shop"), "main").requireSuccess();

        CommandResult delete = shop.push(RunningHq.url("shop"), ":main");

        assertTrue(delete.stderrLines().contains(" ! [remote rejected] main (refusing to delete main: shop deploys"
                + " from it)"), delete.describe());
        assertEquals(commit, remoteHead(shop, "shop", "main"));
    }

    @Test
    void cloningAnUnknownAppSaysSoInOneLine() {
        GitWorkTree parent = GitWorkTree.init(root.resolve("clone-parent"), hq.alice().gitSshCommand());
        CommandResult clone = parent.run("clone", "-q", RunningHq.url("nope"), "copy");
        assertFalse(clone.succeeded());
        assertTrue(clone.stderrLines().contains("quarry: no app named nope on this HQ; push it first: git push"
                + " quarry@HQ:nope main"), clone.describe());
    }

    private List<JsonNode> releases(String app) {
        CommandResult result = hq.alice().run("releases", app, "--json").requireSuccess();
        try {
            JsonNode array = JsonValues.MAPPER.readTree(result.stdout());
            List<JsonNode> releases = new java.util.ArrayList<>();
            array.forEach(releases::add);
            return releases;
        } catch (java.io.IOException e) {
            throw new AssertionError(result.describe(), e);
        }
    }

    static String remoteHead(GitWorkTree tree, String app, String branch) {
        String line = tree.git("ls-remote", RunningHq.url(app), "refs/heads/" + branch).stdout().strip();
        return line.isEmpty() ? "" : line.split("\t")[0];
    }

    private static List<String> compilerLines(String quarryFile) {
        ParseResult result = QuarryFile.parse("quarry.yml", quarryFile.getBytes(StandardCharsets.UTF_8), "shop");
        return ((ParseResult.Invalid) result).report().lines().toList();
    }

    /** A refused first push leaves no stack, no temporary repository and no lock, and no app is listed. */
    private void assertLeftNothing(String app) {
        assertFalse(Files.exists(hq.home().resolve("stacks/" + app)), "no stack folder");
        assertEquals(List.of(), Folders.listRecursively(hq.home().resolve("tmp")));
        assertEquals(List.of(), Folders.listRecursively(hq.home().resolve("locks")));
        assertEquals("no apps yet; push one: git push quarry@HQ:APP main", hq.alice().run("apps").stdout().strip());
    }

    private static byte[] randomBytes(int size) {
        byte[] bytes = new byte[size];
        new java.util.Random(7).nextBytes(bytes);
        return bytes;
    }
}
