package dev.quarry.hq.dashboard.pages;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The renderers: what a pushed commit, a log line or a plan carries is text, never markup. */
class PagesTest {
    private static final String HOSTILE = "<script>alert(1)</script>\"'&";
    private static final String ESCAPED = "&lt;script&gt;alert(1)&lt;/script&gt;&quot;&#39;&amp;";

    @Test
    void logLinesAreEscaped() {
        String main = LogsPage.main(new LogTail("shop", List.of(new LogTail.ContainerLog("shop.web.1.1", "s1",
                List.of(HOSTILE)))));
        assertTrue(main.contains(ESCAPED), main);
        assertFalse(main.contains("<script>"), main);
    }

    @Test
    void releasesAndPlansAreEscapedAndFormsCarryTheCsrfToken() {
        AppCard card = new AppCard("shop", 2, "0123456789ab", "2026-12-04T19:00:00Z", HOSTILE,
                List.of(new NodeLine("web", 2, 1, List.of("shop.example.com"), "256M, 100m cpu")));
        AppDetail detail = new AppDetail(card, List.of(
                new ReleaseLine(2, "live", "0123456789ab", "alice", "2026-12-04T19:00:00Z", HOSTILE, List.of(HOSTILE)),
                new ReleaseLine(1, "deployed", "ba9876543210", "bob", "2026-12-04T18:00:00Z", "push", List.of())),
                List.of(), List.of("scale", "rollback"), List.of());
        String main = AppPage.main(detail, "TOKEN");

        assertFalse(main.contains("<script>"), main);
        assertTrue(main.contains("<input type=hidden name=csrf value=\"TOKEN\">"), main);
        assertTrue(main.contains("data-confirm=\"Roll shop back to release 1?\""), main);
        assertFalse(main.contains("back to release 2"), "no rollback to the live release");
        assertTrue(main.contains("web</td>") || main.contains("<td>1/2"), main);
    }

    @Test
    void aPageWithoutActionsHasNoForms() {
        AppCard card = new AppCard("shop", 1, "0123456789ab", "now", "alice", List.of(new NodeLine("web", 1, 1,
                List.of(), "-, -")));
        String main = AppPage.main(new AppDetail(card, List.of(), List.of(), List.of(), List.of()), "TOKEN");
        assertFalse(main.contains("<form"), main);
        assertFalse(main.contains("Deploying"), "no deploy runs: " + main);
    }

    @Test
    void aDeployInProgressShowsItsLinesEscaped() {
        AppCard card = new AppCard("shop", 1, "0123456789ab", "now", "alice", List.of());
        String main = AppPage.main(new AppDetail(card, List.of(), List.of(), List.of(), List.of(
                "-----> DEPLOY shop/web 1/2 healthy on s1 (1.0 s)", "       | " + HOSTILE)), "TOKEN");

        assertTrue(main.contains("<h2>Deploying</h2><pre class=deploy>-----&gt; DEPLOY shop/web 1/2 healthy on s1"),
                main);
        assertFalse(main.contains(HOSTILE), main);
    }

    @Test
    void theGridShowsEachContainerOnHover() {
        String main = GridPage.main(List.of(new ServerColumn("s1", "10.0.0.1", "digitalocean", "0.018", "up", 1024,
                1000, List.of(new GridBlock("shop.web.1.1", "shop", 256, 100, "running")))));
        assertTrue(main.contains("style=\"height:25.0%\" title=\"shop.web.1.1 256M 100m running\""), main);
        assertTrue(main.contains("256/1024 MiB"), main);
        assertTrue(main.contains("digitalocean $0.018/h"), main);
    }
}
