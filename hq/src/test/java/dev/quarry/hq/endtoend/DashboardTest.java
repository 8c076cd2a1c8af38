package dev.quarry.hq.endtoend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.testsupport.BusyboxImage;
import dev.quarry.testsupport.CommandResult;
import dev.quarry.testsupport.GitWorkTree;
import dev.quarry.testsupport.OpenSshClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * The dashboard in a real headless Chromium, on HQ with a real grid of two local servers: log in through a
 * one-time link printed by the {@code dashboard} verb, watch the pages change live (server-sent events) as
 * pushes, scales and log lines happen. Screenshots under {@code target/dashboard-screenshots/}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardTest {
    private static final String TICKER = """
            nodes:
              web:
                run: i=0; while true; do i=$((i+1)); echo "tick $i"; sleep 0.3; done & exec busybox httpd -f -p "$HOST:$PORT" -h public
                port: 8080
                scale: 1
                memory: 32M
                domains: [ticker.test]
                health: {path: /index.html, interval: 100ms, deadline: 20s}
            """;

    @TempDir
    static Path root;

    private RunningGrid grid;
    private String dashboard;

    @BeforeAll
    void startGrid() {
        BusyboxImage.requireBusybox();
        grid = RunningGrid.startWithDashboard(root.resolve("grid"), 2);
        dashboard = grid.hq().hq().dashboardAddress().orElseThrow();
    }

    @AfterAll
    void stopGrid() {
        if (grid != null) {
            grid.close();
        }
    }

    @Test
    void theLinkLogsInOnceAndThePageShowsAPushedAppLive() {
        try (HeadlessChromium browser = HeadlessChromium.start(root.resolve("profile-live"))) {
            String link = link(grid.hq().alice());
            browser.driver().get(link);
            browser.await(driver -> driver.getCurrentUrl().endsWith("/apps"));
            assertFalse(mainText(browser.driver()).contains("shop"), mainText(browser.driver()));

            app("shop", TestApps.web("shop.test", 1, ""), "shop one").push(RunningHq.url("shop"), "main")
                    .requireSuccess();

            browser.await(driver -> mainText(driver).contains("shop") && mainText(driver).contains("web 1/1"));
            assertTrue(mainText(browser.driver()).contains("alice"), mainText(browser.driver()));
            browser.screenshot("apps-after-push");

            try (HeadlessChromium other = HeadlessChromium.start(root.resolve("profile-second"))) {
                other.driver().get(link);
                assertTrue(other.driver().findElement(By.tagName("body")).getText()
                        .startsWith("this login link is used, expired or wrong"), other.driver().getPageSource());
                other.driver().get(dashboard + "/apps");
                assertFalse(other.driver().getPageSource().contains("shop"), "a second visit of the link gets nothing");
            }
        }
    }

    @Test
    void theGridChangesAfterScaleWithoutAReload() {
        app("scaled", TestApps.web("scaled.test", 1, ""), "scaled").push(RunningHq.url("scaled"), "main")
                .requireSuccess();
        try (HeadlessChromium browser = HeadlessChromium.start(root.resolve("profile-grid"))) {
            browser.driver().get(link(grid.hq().alice()));
            browser.driver().get(dashboard + "/grid");
            assertEquals(1, blocksOf(browser.driver(), "scaled"));
            browser.screenshot("grid-before-scale");

            grid.hq().alice().run("scale", "scaled", "web=3").requireSuccess();

            browser.await(driver -> blocksOf(driver, "scaled") == 3);
            assertEquals(2, browser.driver().findElements(By.cssSelector(".server")).size());
            String hover = browser.await(driver -> {
                try {
                    return driver.findElement(By.cssSelector("i[title^='scaled.web.']")).getDomAttribute("title");
                } catch (StaleElementReferenceException e) {
                    return null; // a live update replaced the block meanwhile: look again
                }
            });
            assertTrue(hover.matches("scaled\\.web\\.[0-9]+\\.[0-9] 32M [0-9]+m [a-z?]+"), hover);
            browser.screenshot("grid-after-scale");
        }
    }

    @Test
    void aNewLogLineArrivesOnTheLogsPage() {
        app("ticker", TICKER, "ticker").push(RunningHq.url("ticker"), "main").requireSuccess();
        try (HeadlessChromium browser = HeadlessChromium.start(root.resolve("profile-logs"))) {
            browser.driver().get(link(grid.hq().alice()));
            browser.driver().get(dashboard + "/apps/ticker/logs");
            int first = browser.await(driver -> lastTick(mainText(driver)));

            browser.await(driver -> lastTick(mainText(driver)) > first + 2);
            assertEquals(dashboard + "/apps/ticker/logs", browser.driver().getCurrentUrl(), "no reload, no move");
            browser.screenshot("logs-live");
        }
    }

    @Test
    void aDeployInProgressShowsItsProgressLinesLive() {
        GitWorkTree tree = app("building", TestApps.web("building.test", 1, ""), "building one");
        tree.push(RunningHq.url("building"), "main").requireSuccess();
        try (HeadlessChromium browser = HeadlessChromium.start(root.resolve("profile-deploy"))) {
            browser.driver().get(link(grid.hq().alice()));
            browser.driver().get(dashboard + "/apps/building");
            browser.await(driver -> mainText(driver).contains("live release 1"));
            assertFalse(mainText(browser.driver()).contains("Deploying"), mainText(browser.driver()));
            tree.write("quarry.yml", BuildOutputTest.web("building", List.of(BuildOutputTest.WAITING_BUILD), ""))
                    .commit("second");

            CommandResult push = LivePush.push(tree, RunningHq.url("building"), line -> {
                if (line.contains("| waiting for go")) {
                    browser.await(driver -> mainText(driver).contains("Deploying")
                            && mainText(driver).contains("| waiting for go"));
                    browser.screenshot("deploy-in-progress");
                    releaseSources("building", 2).forEach(folder -> write(folder.resolve("go")));
                }
            });

            push.requireSuccess();
            browser.await(driver -> mainText(driver).contains("live release 2") && !mainText(driver).contains("Deploying"));
        }
    }

    @Test
    void aDevelopersSessionShowsOnlyItsOwnApps() {
        app("private", TestApps.web("private.test", 1, ""), "alice's").push(RunningHq.url("private"), "main")
                .requireSuccess();
        OpenSshClient bob = grid.hq().client("bob");
        try (HeadlessChromium browser = HeadlessChromium.start(root.resolve("profile-bob"))) {
            browser.driver().get(link(bob));
            browser.await(driver -> driver.getCurrentUrl().endsWith("/apps"));
            assertFalse(browser.driver().getPageSource().contains("private"), browser.driver().getPageSource());

            browser.driver().get(dashboard + "/apps/private");
            assertTrue(browser.driver().getPageSource().contains("no such page (or not one your key may see)"),
                    browser.driver().getPageSource());
            browser.driver().get(dashboard + "/grid");
            assertTrue(mainText(browser.driver()).contains("the grid is for admins"), mainText(browser.driver()));
            browser.screenshot("developer-grid");
        }
    }

    @Test
    void withoutASessionEveryRequestGetsA401AndNothingElse() throws Exception {
        app("secret", TestApps.web("secret.test", 1, ""), "secret").push(RunningHq.url("secret"), "main")
                .requireSuccess();
        HttpClient client = HttpClient.newHttpClient();
        for (String path : List.of("/", "/apps", "/grid", "/apps/secret", "/apps/secret/logs", "/events?page=/apps",
                "/dashboard.js", "/login/not-a-token", "/login/" + "A".repeat(43))) {
            HttpResponse<String> answer = client.send(HttpRequest.newBuilder(URI.create(dashboard + path)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(401, answer.statusCode(), path);
            assertFalse(answer.body().contains("secret"), path + ": " + answer.body());
        }
        HttpResponse<String> scale = client.send(HttpRequest.newBuilder(URI.create(dashboard + "/apps/secret/scale"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("node=web&count=0")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(401, scale.statusCode());
        assertEquals(1, grid.containers("secret").size(), "the scale was not done");
    }

    @Test
    void anActionWithoutTheSessionsCsrfTokenIsRefused() throws Exception {
        app("guarded", TestApps.web("guarded.test", 1, ""), "guarded").push(RunningHq.url("guarded"), "main")
                .requireSuccess();
        try (HeadlessChromium browser = HeadlessChromium.start(root.resolve("profile-csrf"))) {
            browser.driver().get(link(grid.hq().alice()));
            String cookie = browser.driver().manage().getCookieNamed("quarry_session").getValue();
            assertTrue(browser.driver().manage().getCookieNamed("quarry_session").isHttpOnly());
            assertEquals("Strict", browser.driver().manage().getCookieNamed("quarry_session").getSameSite());
            HttpResponse<String> forged = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(dashboard + "/apps/guarded/scale")).header("Cookie", "quarry_session=" + cookie)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("node=web&count=0&csrf=" + "B".repeat(43))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(403, forged.statusCode(), forged.body());
            assertEquals(1, grid.containers("guarded").size(), "the scale was not done");
        }
    }

    @Test
    void scaleFromThePageAsksFirstThenRunsTheVerb() {
        app("clicked", TestApps.web("clicked.test", 1, ""), "clicked").push(RunningHq.url("clicked"), "main")
                .requireSuccess();
        try (HeadlessChromium browser = HeadlessChromium.start(root.resolve("profile-click"))) {
            browser.driver().get(link(grid.hq().alice()));
            browser.driver().get(dashboard + "/apps/clicked");
            browser.await(DashboardTest::typeScaleTwo);
            browser.driver().findElement(By.cssSelector("form[action='/apps/clicked/scale'] button")).click();
            browser.await(driver -> driver.switchTo().alert()).accept();

            browser.await(driver -> mainText(driver).contains("done"));
            browser.screenshot("scale-result");
            assertEquals(2, grid.containers("clicked").size());
            assertTrue(grid.hq().alice().run("audit").requireSuccess().stdout().contains("scale clicked web=2"));
        }
    }

    /**
     * Types 2 into the scale field; false (try again) when a live update replaced the field meanwhile. While the
     * field has the focus the page takes no live update, so the form stays until it is sent.
     */
    private static boolean typeScaleTwo(WebDriver driver) {
        try {
            WebElement count = driver.findElement(By.cssSelector("input[name=count]"));
            count.click();
            count.clear();
            count.sendKeys("2");
            return "2".equals(count.getDomProperty("value")) && count.equals(driver.switchTo().activeElement());
        } catch (StaleElementReferenceException e) {
            return false;
        }
    }

    private String link(OpenSshClient client) {
        CommandResult printed = client.run("dashboard").requireSuccess();
        String link = printed.stdoutLines().getFirst();
        assertTrue(link.matches(Pattern.quote(dashboard) + "/login/[A-Za-z0-9_-]{43}"), printed.describe());
        return link;
    }

    private GitWorkTree app(String name, String quarryFile, String page) {
        GitWorkTree tree = grid.hq().workTree(name);
        tree.write("quarry.yml", quarryFile).write("public/index.html", page + "\n").commit("first");
        return tree;
    }

    private List<Path> releaseSources(String app, int release) {
        try (Stream<Path> servers = Files.list(grid.hq().home().resolve("local"))) {
            return servers.map(server -> server.resolve("sources").resolve(app).resolve(String.valueOf(release)))
                    .filter(Files::isDirectory).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path file) {
        try {
            Files.writeString(file, "go\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String mainText(WebDriver driver) {
        return driver.findElement(By.tagName("main")).getText();
    }

    private static int blocksOf(WebDriver driver, String app) {
        return driver.findElements(By.cssSelector("i[title^='" + app + ".']")).size();
    }

    /** The highest {@code tick N} on the page; null (keep waiting) when there is none yet. */
    private static Integer lastTick(String text) {
        Matcher matcher = Pattern.compile("tick ([0-9]+)").matcher(text);
        Integer last = null;
        while (matcher.find()) {
            last = Math.max(last == null ? 0 : last, Integer.parseInt(matcher.group(1)));
        }
        return last;
    }

}
