package dev.quarry.cli.acceptance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.quarry.testsupport.BusyboxImage;
import dev.quarry.testsupport.Commands;
import dev.quarry.testsupport.GitWorkTree;
import dev.quarry.testsupport.LoopbackHttp;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Prints push-to-serving: from the start of {@code git push} to the first 200 with the new content
 * through nginx, p50 and p95 over {@value #PUSHES} pushes, for the process runtime and for the Docker
 * runtime with a prebuilt image, on {@code quarry up} with one local server; and how long the push command
 * took, and how long after the new content was served it returned (the old containers drain in the background).
 * Figures, not assertions.
 */
class PushToServingBenchmarkIT {
    private static final Path ROOT = Path.of(System.getProperty("quarry.root", "..")).toAbsolutePath().normalize();
    private static final int PUSHES = 10;

    @TempDir
    Path root;

    @Test
    void printsPushToServingForBothRuntimes() throws Exception {
        String suffix = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
        String boxed = "bench-" + suffix;
        String image = BusyboxImage.importAs("quarry-bench/busybox", suffix, Map.of(), root.resolve("image"));
        List<String> lines = new ArrayList<>();
        try (RunningQuarry quarry = RunningQuarry.start(root, 1)) {
            String helloYml = Files.readString(ROOT.resolve("examples/hello/quarry.yml"));
            lines.add(measure(quarry, "process", "hello", "hello.localhost", (tree, version) -> tree
                    .write("quarry.yml", helloYml).write("public/index.html", version + "\n")));
            lines.add(measure(quarry, "docker", boxed, boxed + ".localhost",
                    (tree, version) -> tree.write("quarry.yml", DockerApp.yml(boxed, image, version))));
        } finally {
            Containers.removeStack(boxed);
            BusyboxImage.remove(image);
        }
        lines.forEach(System.out::println);
        Files.write(ROOT.resolve("cli/target/push-to-serving.txt"), lines);
    }

    /**
     * One first push, then {@value #PUSHES} timed ones; each changes what the app serves to
     * {@code version N}, written into the work tree by {@code change}.
     */
    private String measure(RunningQuarry quarry, String runtime, String app, String domain,
            BiConsumer<GitWorkTree, String> change) throws Exception {
        GitWorkTree tree = quarry.repository(app);
        List<Long> millis = new ArrayList<>();
        List<Long> pushes = new ArrayList<>();
        List<Long> afterServing = new ArrayList<>();
        for (int push = 0; push <= PUSHES; push++) {
            String version = "version " + push + " of " + app;
            change.accept(tree, version);
            tree.commit(version);
            Timing took = pushUntilServed(quarry, tree, domain, version);
            if (push > 0) {
                millis.add(took.servedMillis());
                pushes.add(took.doneMillis());
                afterServing.add(Math.max(0, took.doneMillis() - took.servedMillis()));
            }
        }
        millis.sort(null);
        pushes.sort(null);
        afterServing.sort(null);
        return "push_to_serving runtime=" + runtime + " pushes=" + PUSHES + " p50_ms=" + percentile(millis, 50)
                + " p95_ms=" + percentile(millis, 95) + " min_ms=" + millis.getFirst() + " max_ms=" + millis.getLast()
                + " push_command_p50_ms=" + percentile(pushes, 50) + " push_command_p95_ms=" + percentile(pushes, 95)
                + " returned_after_serving_p50_ms=" + percentile(afterServing, 50)
                + " returned_after_serving_p95_ms=" + percentile(afterServing, 95);
    }

    /** From the start of {@code git push}: until the new content was served, and until the command ended. */
    private record Timing(long servedMillis, long doneMillis) { }

    private Timing pushUntilServed(RunningQuarry quarry, GitWorkTree tree, String domain, String version)
            throws Exception {
        File out = quarry.root().resolve("push.out").toFile();
        File err = quarry.root().resolve("push.err").toFile();
        long start = System.nanoTime();
        Process push = Commands.start(List.of("git", "push", "quarry", "main"), tree.directory(), tree.environment(),
                out, err);
        try {
            while (!serves(quarry, domain, version)) {
                if (!push.isAlive() && push.exitValue() != 0) {
                    throw new AssertionError("push failed: " + Files.readString(err.toPath()));
                }
                Thread.sleep(2);
            }
            long took = (System.nanoTime() - start) / 1_000_000;
            if (!push.waitFor(120, TimeUnit.SECONDS)) {
                throw new AssertionError("push did not finish: " + Files.readString(err.toPath()));
            }
            long done = (System.nanoTime() - start) / 1_000_000;
            assertEquals(0, push.exitValue(), Files.readString(err.toPath()));
            return new Timing(took, done);
        } finally {
            if (push.isAlive()) {
                Commands.kill(push);
            }
        }
    }

    private static boolean serves(RunningQuarry quarry, String domain, String version) {
        try {
            LoopbackHttp.Answer answer = quarry.get(domain);
            return answer.status() == 200 && answer.body().contains(version);
        } catch (AssertionError connectionFailed) {
            return false;
        }
    }

    private static long percentile(List<Long> sorted, int percent) {
        int index = (int) Math.ceil(percent / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, index));
    }
}
