package dev.quarry.hq.endtoend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.quarry.hq.launch.PlanPrintingLauncher;
import dev.quarry.hq.state.JsonValues;
import dev.quarry.testsupport.CommandResult;
import dev.quarry.testsupport.GitWorkTree;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Many pushes at once: different stacks deploy in parallel, one stack's pushes run one at a time. */
class ConcurrentPushTest {
    private static final Pattern RELEASE = Pattern.compile("       plan for (\\S+) release (\\d+) \\((\\w+)\\).*");

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
    void twentyPushesToTwentyAppsAllSucceed() throws Exception {
        List<GitWorkTree> trees = IntStream.range(0, 20).mapToObj(i -> {
            GitWorkTree tree = hq.workTree("app-" + i);
            tree.write("quarry.yml", QuarryFiles.WEB).commit("app " + i);
            return tree;
        }).toList();

        List<CommandResult> pushes = inParallel(IntStream.range(0, 20)
                .<Callable<CommandResult>>mapToObj(i -> () -> trees.get(i).push(RunningHq.url("app-" + i), "main"))
                .toList());

        for (int i = 0; i < 20; i++) {
            CommandResult push = pushes.get(i).requireSuccess();
            assertTrue(GitWorkTree.remoteLines(push).contains("-----> app-" + i + " release 1 "
                    + PlanPrintingLauncher.NOTHING_RUNS), push.describe());
        }
        assertEquals(21, hq.alice().run("apps").stdoutLines().size(), "a header and 20 apps");
    }

    @Test
    void fivePushesToOneAppAreSerializedWithConsistentReleaseNumbers() throws Exception {
        List<GitWorkTree> trees = IntStream.range(0, 5).mapToObj(i -> {
            GitWorkTree tree = hq.workTree("clone-" + i);
            tree.write("quarry.yml", QuarryFiles.WEB).write("version", "clone " + i + "\n").commit("clone " + i);
            return tree;
        }).toList();

        List<CommandResult> pushes = inParallel(trees.stream()
                .<Callable<CommandResult>>map(tree -> () -> tree.push(RunningHq.url("shop"), "--force", "main"))
                .toList());

        Map<Integer, String> commitByRelease = new HashMap<>();
        for (int i = 0; i < 5; i++) {
            CommandResult push = pushes.get(i).requireSuccess();
            Matcher plan = planLine(push);
            assertEquals("shop", plan.group(1));
            assertEquals(trees.get(i).head().substring(0, 12), plan.group(3), "each push deploys its own commit");
            String previous = commitByRelease.put(Integer.parseInt(plan.group(2)), trees.get(i).head());
            assertEquals(null, previous, "no two pushes share a release number");
        }
        assertEquals(java.util.Set.of(1, 2, 3, 4, 5), commitByRelease.keySet());
        JsonNode releases = JsonValues.MAPPER.readTree(hq.alice().run("releases", "shop", "--json").requireSuccess()
                .stdout());
        Map<Integer, String> recorded = new HashMap<>();
        releases.forEach(release -> recorded.put(release.get("release").asInt(), release.get("commit").asText()));
        assertEquals(commitByRelease, recorded, "HQ records each release with the commit its push deployed");
        assertEquals(commitByRelease.get(5), PushPipelineTest.remoteHead(trees.getFirst(), "shop", "main"),
                "the branch holds the last release's commit");
    }

    private static Matcher planLine(CommandResult push) {
        for (String line : GitWorkTree.remoteLines(push)) {
            Matcher matcher = RELEASE.matcher(line);
            if (matcher.matches()) {
                return matcher;
            }
        }
        throw new AssertionError("no plan line in " + push.describe());
    }

    private static List<CommandResult> inParallel(List<Callable<CommandResult>> pushes) throws Exception {
        ExecutorService executor = Executors.newFixedThreadPool(pushes.size());
        try {
            List<Future<CommandResult>> futures = executor.invokeAll(pushes);
            List<CommandResult> results = new ArrayList<>();
            for (Future<CommandResult> future : futures) {
                results.add(future.get());
            }
            return results;
        } finally {
            executor.shutdownNow();
        }
    }
}
