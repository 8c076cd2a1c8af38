package dev.quarry.hq.endtoend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.hq.grid.RunningContainer;
import dev.quarry.testsupport.BusyboxImage;
import dev.quarry.testsupport.GitWorkTree;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Prints (does not assert on time) the delay from a change on the grid to the dashboard's event stream carrying
 * it: a container removed through its agent, until the grid page's next event shows its block without a running
 * container. Figures also go to {@code target/dashboard-delay.txt}; the goal is under 1 s.
 */
class DashboardDelayBenchmark {
    private static final int CHANGES = 5;

    @TempDir
    Path root;

    @Test
    void fromAChangeToThePageShowingIt() throws Exception {
        BusyboxImage.requireBusybox();
        try (RunningGrid grid = RunningGrid.startWithDashboard(root.resolve("grid"), 2)) {
            GitWorkTree tree = grid.hq().workTree("delay");
            tree.write("quarry.yml", TestApps.web("delay.test", CHANGES, "")).write("public/index.html", "delay\n")
                    .commit("first");
            tree.push(RunningHq.url("delay"), "main").requireSuccess();
            String dashboard = grid.hq().hq().dashboardAddress().orElseThrow();
            HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
            String link = grid.hq().alice().run("dashboard").requireSuccess().stdoutLines().getFirst();
            String cookie = client.send(HttpRequest.newBuilder(URI.create(link)).build(),
                    HttpResponse.BodyHandlers.discarding()).headers().firstValue("Set-Cookie").orElseThrow()
                    .split(";")[0];
            HttpResponse<java.io.InputStream> stream = client.send(HttpRequest.newBuilder(
                    URI.create(dashboard + "/events?page=/grid")).header("Cookie", cookie).build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            assertEquals(200, stream.statusCode());
            List<String> figures = new ArrayList<>();
            try (BufferedReader events = new BufferedReader(new InputStreamReader(stream.body(),
                    StandardCharsets.UTF_8))) {
                nextEvent(events);
                for (RunningContainer container : grid.containers("delay")) {
                    grid.grid().agent(container.server()).remove(container.id(), Duration.ZERO);
                    long removed = System.nanoTime();
                    while (!nextEvent(events).contains("title=\"" + container.id() + " 32M 250m ?\"")) {
                        // an event that does not show it yet
                    }
                    figures.add(String.format(Locale.ROOT, "change_to_page_ms=%.0f",
                            (System.nanoTime() - removed) / 1e6));
                }
            }
            assertEquals(CHANGES, figures.size());
            figures.forEach(System.out::println);
            Files.createDirectories(Path.of("target"));
            Files.writeString(Path.of("target", "dashboard-delay.txt"), String.join("\n", figures) + "\n");
            assertTrue(grid.containers("delay").isEmpty());
        }
    }

    /** The data of the next event (its {@code data:} lines joined). */
    private static String nextEvent(BufferedReader events) throws java.io.IOException {
        StringBuilder data = new StringBuilder();
        String line;
        while ((line = events.readLine()) != null) {
            if (line.isEmpty() && !data.isEmpty()) {
                return data.toString();
            }
            if (line.startsWith("data: ")) {
                data.append(line, "data: ".length(), line.length()).append('\n');
            }
        }
        throw new java.io.EOFException("the event stream ended");
    }
}
