package dev.quarry.hq.endtoend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.testsupport.BusyboxImage;
import dev.quarry.testsupport.CommandResult;
import dev.quarry.testsupport.GitWorkTree;
import dev.quarry.testsupport.LoopbackHttp;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Apps as a Heroku, Dokku or piku user brings them, pushed to HQ on a real grid with real git and OpenSSH:
 * a web + worker (no port) + Redis (Debian's redis-server) stack, a Procfile-only app, a bad Procfile.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EverydayWorkflowTest {
    private static final String WEB_WORKER_REDIS = """
            services:
              redis:
                run: exec redis-server --bind "$HOST" --port "$PORT" --save "" --appendonly no --dir /tmp
                port: 26379
                memory: 64M
                publish: {REDIS_URL: "redis://${host}:${port}"}
            nodes:
              web:
                run: mkdir -p /tmp/public; (while true; do redis-cli -u "$REDIS_URL" get ticks > /tmp/public/ticks.txt; sleep 0.2; done) & exec busybox httpd -f -p "$HOST:$PORT" -h /tmp/public
                port: 8080
                memory: 32M
                depends: [redis]
                domains: [ticks.test]
              worker:
                run: while true; do redis-cli -u "$REDIS_URL" incr ticks > /dev/null; sleep 0.2; done
                memory: 32M
                depends: [redis]
            """;

    @TempDir
    static Path root;

    private RunningGrid grid;

    @BeforeAll
    void startGrid() {
        BusyboxImage.requireBusybox();
        grid = RunningGrid.start(root.resolve("grid"), 1);
    }

    @AfterAll
    void stopGrid() {
        if (grid != null) {
            grid.close();
        }
    }

    @Test
    void aWebAndAWorkerWithoutAPortShareARedisService() throws InterruptedException {
        GitWorkTree ticks = grid.hq().workTree("ticks");
        ticks.write("quarry.yml", WEB_WORKER_REDIS).commit("web, worker and redis");

        CommandResult push = ticks.push(RunningHq.url("ticks"), "main").requireSuccess();

        List<String> lines = GitWorkTree.remoteLines(push);
        assertTrue(lines.stream().anyMatch(line -> line.startsWith("-----> DEPLOY ticks/worker 1/1 healthy on s1 (")),
                push.describe());
        assertTrue(lines.stream().anyMatch(line -> line.startsWith("-----> ticks release 1 is live: ")),
                push.describe());
        assertEquals(List.of("ticks.redis.1.1", "ticks.web.1.1", "ticks.worker.1.1"), grid.containerIds("ticks"));
        long first = ticksServed();
        long later = first;
        for (int tries = 0; tries < 300 && later <= first; tries++) {
            Thread.sleep(100);
            later = ticksServed();
        }
        assertTrue(later > first, "the worker keeps counting in Redis and the web serves it: " + first + ", " + later);
    }

    @Test
    void aProcfileOnlyAppIsServedOnItsDefaultDomainWithItsWorkerAndReleaseHook() {
        GitWorkTree procs = grid.hq().workTree("procs");
        procs.write("Procfile", """
                web: exec busybox httpd -f -p "$HOST:$PORT" -h public
                worker: while true; do sleep 1; done
                release: echo migrating
                """).write("public/index.html", "from a Procfile\n").commit("a Heroku app");

        CommandResult push = procs.push(RunningHq.url("procs"), "main").requireSuccess();

        List<String> lines = GitWorkTree.remoteLines(push);
        assertTrue(lines.contains("-----> no quarry.yml: derived from the Procfile: web (routed on procs.localhost,"
                + " PORT from the range), worker (a worker: no port, ready after 2 s running); the release hook from"
                + " release: (run with web's release)"), push.describe());
        assertTrue(lines.contains("       | migrating"), push.describe());
        assertEquals(new LoopbackHttp.Answer(200, "from a Procfile\n"), grid.get("procs.localhost", "/"));
        assertEquals(List.of("procs.web.1.1", "procs.worker.1.1"), grid.containerIds("procs"));
    }

    @Test
    void aBadProcfileIsRefusedLineByLineAndQuarryYmlWinsOverAProcfile() {
        GitWorkTree both = grid.hq().workTree("both");
        both.write("Procfile", "web: ./server\nWeb Server: ./other\n").commit("a bad Procfile");

        CommandResult refused = both.push(RunningHq.url("both"), "main");
        both.write("quarry.yml", TestApps.web("both.test", 1, "")).write("public/index.html", "quarry.yml wins\n")
                .commit("a quarry.yml beside it");
        CommandResult pushed = both.push(RunningHq.url("both"), "main").requireSuccess();

        assertFalse(refused.succeeded(), refused.describe());
        assertTrue(GitWorkTree.remoteLines(refused).contains("Procfile:2:1: \"Web Server\" cannot name a process: use"
                + " lowercase letters, digits and dashes, not starting with a dash (at most 63)"), refused.describe());
        assertTrue(refused.stderrLines().stream().anyMatch(line -> line.contains("(Procfile is invalid: 1 problem,")),
                refused.describe());
        assertFalse(GitWorkTree.remoteLines(pushed).stream().anyMatch(line -> line.contains("Procfile")),
                pushed.describe());
        assertEquals(new LoopbackHttp.Answer(200, "quarry.yml wins\n"), grid.get("both.test", "/"));
    }

    @Test
    void rollbackKeepsTheCurrentScaleUnlessAskedForTheReleasesOwn() {
        GitWorkTree kept = grid.hq().workTree("kept");
        kept.write("quarry.yml", TestApps.web("kept.test", 1, "")).write("public/index.html", "one\n").commit("one");
        kept.push(RunningHq.url("kept"), "main").requireSuccess();
        kept.write("public/index.html", "two\n").commit("two");
        kept.push(RunningHq.url("kept"), "main").requireSuccess();
        grid.hq().alice().run("scale", "kept", "web=2").requireSuccess();

        CommandResult rollback = grid.hq().alice().run("rollback", "kept", "1").requireSuccess();

        assertEquals(new LoopbackHttp.Answer(200, "one\n"), grid.get("kept.test", "/"), rollback.describe());
        assertEquals(List.of("kept.web.4.1", "kept.web.4.2"), grid.containerIds("kept"), "still 2, as scaled");

        grid.hq().alice().run("rollback", "kept", "2", "--with-scale").requireSuccess();

        assertEquals(List.of("kept.web.5.1"), grid.containerIds("kept"), "release 2's own scale, 1");
    }

    /** The worker's count as the web serves it through the router, 0 before the first. */
    private long ticksServed() throws InterruptedException {
        for (int tries = 0; tries < 300; tries++) {
            LoopbackHttp.Answer answer = grid.get("ticks.test", "/ticks.txt");
            if (answer.status() == 200 && answer.body().strip().matches("[0-9]+")) {
                return Long.parseLong(answer.body().strip());
            }
            Thread.sleep(100);
        }
        return 0;
    }
}
