package dev.quarry.hq.endtoend;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.hq.launch.PlanPrintingLauncher;
import dev.quarry.testsupport.CommandResult;
import dev.quarry.testsupport.GitWorkTree;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Push-to-accepted latency through OpenSSH: the wall time of {@code git push} (ssh handshake,
 * receive-pack, compile, record, export, plan) for a tiny repository (20 pushes) and a 50 MB one
 * (2 pushes), and the tiny one again with HQ's state in a real etcd (the same run, so the two compare).
 * Prints p50 and p95 to stdout and to {@code target/push-latency.txt}; asserts only that every push
 * succeeded.
 */
class PushLatencyBenchmark {
    private static final int TINY_PUSHES = 10;
    private static final int LARGE_PUSHES = 2;
    private static final int LARGE_BYTES = 50 << 20;

    @TempDir
    Path root;

    @Test
    void pushLatency() throws IOException {
        List<String> report = new ArrayList<>();
        try (RunningHq hq = RunningHq.start(root)) {
            report.add(line("tiny repo", tiny(hq)));
            report.add(line("50 MB repo", large(hq)));
        }
        try (dev.quarry.testsupport.EtcdServer etcd = dev.quarry.testsupport.EtcdServer.start();
                RunningHq hq = RunningHq.startOnEtcd(root.resolve("etcd"), etcd.endpoint())) {
            report.add(line("tiny repo, state in etcd", tiny(hq)));
        }
        report.forEach(System.out::println);
        Path file = Path.of("target", "push-latency.txt");
        Files.createDirectories(file.getParent());
        Files.write(file, report);
    }

    private List<Double> tiny(RunningHq hq) {
        GitWorkTree tree = hq.workTree("tiny");
        List<Double> millis = new ArrayList<>();
        for (int i = 1; i <= TINY_PUSHES; i++) {
            tree.write("quarry.yml", QuarryFiles.WEB).write("version", i + "\n").commit("push " + i);
            millis.add(timedPush(tree, "tiny", i));
        }
        return millis;
    }

    private List<Double> large(RunningHq hq) {
        List<Double> millis = new ArrayList<>();
        Random random = new Random(7);
        for (int i = 1; i <= LARGE_PUSHES; i++) {
            GitWorkTree tree = hq.workTree("large-" + i);
            byte[] data = new byte[LARGE_BYTES];
            random.nextBytes(data);
            tree.write("quarry.yml", QuarryFiles.WEB).write("data.bin", data).commit("50 MB");
            millis.add(timedPush(tree, "large-" + i, 1));
        }
        return millis;
    }

    private static double timedPush(GitWorkTree tree, String app, int release) {
        long start = System.nanoTime();
        CommandResult push = tree.push(RunningHq.url(app), "main");
        double millis = (System.nanoTime() - start) / 1e6;
        push.requireSuccess();
        assertTrue(GitWorkTree.remoteLines(push).contains("-----> " + app + " release " + release
                + " " + PlanPrintingLauncher.NOTHING_RUNS), push.describe());
        return millis;
    }

    private static String line(String what, List<Double> millis) {
        List<Double> sorted = millis.stream().sorted().toList();
        return String.format(Locale.ROOT, "push latency, %s: n=%d p50=%.0f ms p95=%.0f ms min=%.0f ms max=%.0f ms",
                what, sorted.size(), percentile(sorted, 50), percentile(sorted, 95), sorted.getFirst(),
                sorted.getLast());
    }

    /** Nearest-rank percentile. */
    private static double percentile(List<Double> sorted, int percent) {
        int rank = (int) Math.ceil(percent / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }
}
