package dev.quarry.hq.dashboard.pages;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Prints (does not assert on time) the weight of each page and the time to render it with 100 apps and 1,000
 * containers on 10 servers; figures also go to {@code target/dashboard-pages.txt}. Goals: under 100 KB, under 50 ms.
 */
class PageWeightBenchmark {
    private static final int APPS = 100;
    private static final int CONTAINERS_PER_APP = 10;
    private static final int SERVERS = 10;
    private static final int ROUNDS = 200;

    @Test
    void pagesOfAHundredAppsAndAThousandContainers() throws IOException {
        List<AppCard> apps = new ArrayList<>();
        List<List<GridBlock>> blocks = new ArrayList<>();
        for (int server = 0; server < SERVERS; server++) {
            blocks.add(new ArrayList<>());
        }
        List<ContainerLine> containers = new ArrayList<>();
        for (int app = 0; app < APPS; app++) {
            String name = "app" + app;
            apps.add(new AppCard(name, 7, "0123456789ab", "2026-12-04T19:00:00Z", "alice", List.of(
                    new NodeLine("web", 8, 8, List.of(name + ".example.com"), "256M, 100m cpu"),
                    new NodeLine("worker", 2, 2, List.of(), "128M, 50m cpu"))));
            for (int index = 0; index < CONTAINERS_PER_APP; index++) {
                String id = name + ".web.7." + (index + 1);
                blocks.get((app * CONTAINERS_PER_APP + index) % SERVERS).add(new GridBlock(id, name, 64, 50, "running"));
                if (app == 0) {
                    containers.add(new ContainerLine(id, "web", "s" + index, "127.0.0.2:2000" + index, "running", 0, 7,
                            List.of()));
                }
            }
        }
        List<ServerColumn> columns = new ArrayList<>();
        for (int server = 0; server < SERVERS; server++) {
            columns.add(new ServerColumn("s" + (server + 1), "10.0.0." + (server + 1), "digitalocean", "0.018", "up",
                    8192, 4000, blocks.get(server)));
        }
        List<ReleaseLine> releases = new ArrayList<>();
        for (int release = 7; release >= 1; release--) {
            releases.add(new ReleaseLine(release, release == 7 ? "live" : "deployed", "0123456789ab", "alice",
                    "2026-12-04T19:00:00Z", "push main", List.of("DEPLOY app0/web release=" + release + " scale=8",
                    "ROUTE app0/web domains=[app0.example.com]")));
        }
        AppDetail detail = new AppDetail(apps.getFirst(), releases, containers, List.of("scale", "rollback"), List.of());
        String csrf = "C".repeat(43);

        List<String> lines = new ArrayList<>();
        lines.add(measure("apps", () -> PageShell.render("apps", "alice", "/apps", AppsPage.main(apps))));
        lines.add(measure("grid", () -> PageShell.render("grid", "alice", "/grid", GridPage.main(columns))));
        lines.add(measure("app", () -> PageShell.render("app0", "alice", "/apps/app0", AppPage.main(detail, csrf))));
        lines.forEach(System.out::println);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "dashboard-pages.txt"), String.join("\n", lines) + "\n");
    }

    private static String measure(String page, Supplier<String> render) {
        int bytes = render.get().getBytes(StandardCharsets.UTF_8).length;
        for (int round = 0; round < ROUNDS; round++) {
            render.get();
        }
        long began = System.nanoTime();
        for (int round = 0; round < ROUNDS; round++) {
            assertTrue(render.get().length() > 0);
        }
        double millis = (System.nanoTime() - began) / 1e6 / ROUNDS;
        return String.format(java.util.Locale.ROOT, "page=%s apps=%d containers=%d bytes=%d render_ms=%.3f", page,
                APPS, APPS * CONTAINERS_PER_APP, bytes, millis);
    }
}
