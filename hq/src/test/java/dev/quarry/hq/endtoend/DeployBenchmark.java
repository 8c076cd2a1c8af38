package dev.quarry.hq.endtoend;

import dev.quarry.testsupport.BusyboxImage;
import dev.quarry.testsupport.CommandResult;
import dev.quarry.testsupport.GitWorkTree;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Prints (does not assert) the time from the start of a DEPLOY to all its containers healthy, as the
 * push's DEPLOY line reports it (0.1 s resolution), for 1, 10 and 50 containers over two local servers,
 * for each runtime. Also written to {@code target/deploy-benchmark.txt}.
 */
class DeployBenchmark {
    private static final Pattern DEPLOY = Pattern.compile("-----> DEPLOY \\S+ (\\d+)/\\d+ healthy on (.+) \\((\\d+\\.\\d) s\\)");

    @TempDir
    Path root;

    @Test
    void deployToHealthy() throws IOException {
        BusyboxImage.requireBusybox();
        String image = BusyboxImage.importAs("quarry-test/bench-busybox", UUID.randomUUID().toString().substring(0, 8),
                Map.of("www/index.html", "bench\n"), root.resolve("image"));
        List<String> results = new ArrayList<>();
        try (RunningGrid grid = RunningGrid.start(root.resolve("grid"), 2)) {
            for (String runtime : List.of("process", "docker")) {
                for (int containers : List.of(1, 10, 50)) {
                    results.add(measure(grid, runtime, containers, image));
                }
            }
        } finally {
            BusyboxImage.remove(image);
        }
        results.forEach(System.out::println);
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target", "deploy-benchmark.txt"), results);
    }

    private static String measure(RunningGrid grid, String runtime, int containers, String image) {
        String app = "bench-" + runtime + "-" + containers;
        GitWorkTree tree = grid.hq().workTree(app);
        tree.write("quarry.yml", quarryFile(runtime, containers, image)).write("public/index.html", "bench\n")
                .commit("bench");
        CommandResult push = tree.push(RunningHq.url(app), "main").requireSuccess();
        try {
            for (String line : GitWorkTree.remoteLines(push)) {
                Matcher matcher = DEPLOY.matcher(line);
                if (matcher.matches()) {
                    long millis = Math.round(Double.parseDouble(matcher.group(3)) * 1000);
                    return "runtime=" + runtime + " containers=" + matcher.group(1) + " servers="
                            + matcher.group(2).split(", ").length + " deploy_to_healthy_ms=" + millis;
                }
            }
            throw new AssertionError("no DEPLOY line in " + push.describe());
        } finally {
            grid.containers(app).forEach(container -> grid.grid().agent(container.server())
                    .remove(container.id(), Duration.ZERO));
        }
    }

    private static String quarryFile(String runtime, int containers, String image) {
        String how = runtime.equals("docker")
                ? "image: " + image + "\n    run: exec httpd -f -p \"$HOST:$PORT\" -h /www"
                : "run: exec busybox httpd -f -p \"$HOST:$PORT\" -h public";
        return """
                nodes:
                  web:
                    %s
                    port: 8080
                    scale: %d
                    memory: 16M
                    cpu: 100m
                    health: {path: /index.html, interval: 100ms, deadline: 120s}
                """.formatted(how, containers);
    }
}
