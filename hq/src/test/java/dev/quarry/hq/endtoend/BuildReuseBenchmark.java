package dev.quarry.hq.endtoend;

import dev.quarry.testsupport.BusyboxImage;
import dev.quarry.testsupport.GitWorkTree;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Prints (does not assert) how long a release takes on an app whose build takes 3 s ({@code sleep 3}): a push
 * of a new commit (it builds: what every release cost before builds were reused), then {@code config set},
 * {@code scale} and {@code rollback} (they reuse the build), then two {@code config set} with
 * {@code BUILD_CACHE=off} (every release builds, as every release did before). One local server. Also written to
 * {@code target/build-reuse-benchmark.txt}.
 */
class BuildReuseBenchmark {
    @TempDir
    Path root;

    @Test
    void releasesWithoutABuild() throws IOException {
        BusyboxImage.requireBusybox();
        List<String> results = new ArrayList<>();
        try (RunningGrid grid = RunningGrid.start(root.resolve("grid"), 1)) {
            GitWorkTree tree = grid.hq().workTree("slow");
            tree.write("quarry.yml", BuildOutputTest.web("slow", List.of("sleep 3; echo built > public/built.txt"), ""))
                    .write("public/index.html", "one\n").commit("one");
            results.add(time("first_push_builds", () -> tree.push(RunningHq.url("slow"), "main").requireSuccess()));
            tree.write("public/index.html", "two\n").commit("two");
            results.add(time("push_new_commit_builds", () -> tree.push(RunningHq.url("slow"), "main")
                    .requireSuccess()));
            results.add(time("config_set_reuses", () -> grid.hq().alice().run("config", "slow", "set", "A=1")
                    .requireSuccess()));
            results.add(time("scale_reuses", () -> grid.hq().alice().run("scale", "slow", "web=2")
                    .requireSuccess()));
            results.add(time("rollback_reuses", () -> grid.hq().alice().run("rollback", "slow", "1")
                    .requireSuccess()));
            results.add(time("config_set_BUILD_CACHE_off_rebuilds", () -> grid.hq().alice().run("config", "slow",
                    "set", "BUILD_CACHE=off").requireSuccess()));
            results.add(time("config_set_with_BUILD_CACHE_off_rebuilds", () -> grid.hq().alice().run("config",
                    "slow", "set", "A=2").requireSuccess()));
        }
        results.forEach(System.out::println);
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target", "build-reuse-benchmark.txt"), results);
    }

    private static String time(String what, Supplier<?> action) {
        long began = System.nanoTime();
        action.get();
        return "build=sleep-3 " + what + "_ms=" + (System.nanoTime() - began) / 1_000_000;
    }
}
