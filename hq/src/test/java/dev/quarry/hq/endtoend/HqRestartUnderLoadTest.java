package dev.quarry.hq.endtoend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.agent.Agent;
import dev.quarry.testsupport.BusyboxImage;
import dev.quarry.testsupport.GitWorkTree;
import dev.quarry.testsupport.LoadLoop;
import dev.quarry.testsupport.LoopbackHttp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * HQ in its own JVM killed with -9, or stopped with SIGTERM, and started again while clients keep requesting
 * an app through the router: the old HQ leaves its nginx serving and the new HQ takes it over, so not one of
 * at least 2,000 requests fails. Prints the figures (requests, failed, time from the stop until HQ answers
 * again), also written to {@code target/hq-restart-benchmark-*.txt}.
 */
class HqRestartUnderLoadTest {
    private static final int CLIENTS = 4;
    private static final int AT_LEAST = 2000;

    @TempDir
    Path root;

    /** How the first HQ ends. */
    enum Ending {
        KILL_9, SIGTERM
    }

    @ParameterizedTest
    @EnumSource(Ending.class)
    void hqStoppedAndRestartedUnderLoadFailsNoRequest(Ending ending) throws Exception {
        BusyboxImage.requireBusybox();
        HomeWithAgent setup = HomeWithAgent.prepare(root);
        Path home = setup.home();
        Agent agent = setup.agent();
        int routerPort = setup.routerPort();
        List<String> gridOptions = setup.gridOptions();
        LoadLoop load = null;
        LoadLoop.Result seen;
        long answeredAgainMillis;
        try {
            try (HqProcess hq = HqProcess.start(home, root.resolve("logs"), gridOptions)) {
                GitWorkTree app = GitWorkTree.init(root.resolve("steady"), setup.client(hq.port()).gitSshCommand());
                app.write("quarry.yml", TestApps.web("steady.test", 2, "")).write("public/index.html", "steady\n")
                        .commit("one");
                app.push(RunningHq.url("steady"), "main").requireSuccess();
                load = LoadLoop.start(routerPort, "steady.test", CLIENTS);
                Thread.sleep(500);
                long killed = System.nanoTime();
                if (ending == Ending.KILL_9) {
                    hq.killJvmOnly();
                } else {
                    hq.terminate();
                }
                try (HqProcess again = HqProcess.start(home, root.resolve("logs"), gridOptions)) {
                    answeredAgainMillis = (System.nanoTime() - killed) / 1_000_000;
                    setup.client(again.port()).run("apps").requireSuccess();
                    while (load.requests() < AT_LEAST) {
                        Thread.sleep(100);
                    }
                    seen = load.stop();
                    assertTrue(again.stderr().contains("router: took over the nginx (pid "), again.stderr());
                }
            }
        } finally {
            if (load != null) {
                load.stop();
            }
            setup.close();
        }
        String figures = String.format("HQ %s and restart under load (%d clients): %d requests, %d failed;"
                + " HQ answered again %d ms after it was stopped%n", ending == Ending.KILL_9 ? "kill -9" : "SIGTERM",
                CLIENTS, seen.succeeded() + seen.failed(), seen.failed(), answeredAgainMillis);
        System.out.print(figures);
        Files.writeString(Path.of("target", "hq-restart-benchmark-" + ending.name().toLowerCase(java.util.Locale.ROOT)
                + ".txt"), figures);
        assertEquals(0, seen.failed(), seen.failed() + " failed, the first: " + seen.failures());
        assertEquals(java.util.Set.of("steady\n"), seen.bodies(), "every answer was the app's page");
        assertTrue(seen.succeeded() >= AT_LEAST, seen.succeeded() + " requests");
    }
}
