package dev.quarry.hq.endtoend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.testsupport.BusyboxImage;
import dev.quarry.testsupport.GitWorkTree;
import dev.quarry.testsupport.LoopbackHttp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * A hostile app pushed through HQ with an ordinary key, next to an honest one on the same server: every
 * attack on HQ, the agent and the honest app fails, its greedy node alone is killed for memory (and `ps`
 * says so), its fork bomb stays inside, and the honest app answers every request meanwhile.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IsolationTest {
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
    void aHostileAppReachesNothingButItsOwnReleaseWhileTheBankServesEveryRequest() throws Exception {
        GitWorkTree bank = grid.hq().workTree("bank");
        bank.write("quarry.yml", TestApps.web("bank.test", 1, "")).write("public/index.html", "bank page\n")
                .commit("bank");
        bank.push(RunningHq.url("bank"), "main").requireSuccess();
        grid.hq().alice().run("config", "bank", "set", "BANK_SECRET=hunter2").requireSuccess();
        long leader = Long.parseLong(grid.containers("bank").getLast().status().handle());
        List<Long> bankPids = processesOf(leader);

        Load load = new Load(grid);
        GitWorkTree evil = grid.hq().workTree("evil");
        evil.write("quarry.yml", HostileApps.quarryFile(grid.hq().home(), bankPids.stream().map(String::valueOf)
                .collect(Collectors.joining(" ")))).write("attack.sh", HostileApps.ATTACK)
                .write("public/index.html", "evil\n").commit("evil");
        try {
            evil.push(RunningHq.url("evil"), "main").requireSuccess();
            List<String> report = grid.get("evil.test", "/report.txt").body().lines().toList();
            String ps = awaitOutOfMemoryInPs();

            assertTrue(report.contains("done"), report.toString());
            assertEquals(List.of(), report.stream().filter(line -> line.startsWith("BREACH")).toList(),
                    report.toString());
            assertEquals(9 + 2 * bankPids.size(), report.stream().filter(line -> line.startsWith("blocked: ")).count(),
                    report.toString());
            assertFalse(Files.exists(grid.hq().home().resolve("keys/evil.pub")));
            assertTrue(ps.contains("evil.greedy.1.1: killed: out of memory ("), ps);
            assertTrue(bankPids.stream().allMatch(pid -> ProcessHandle.of(pid).map(ProcessHandle::isAlive)
                    .orElse(false)), "the bank's processes live");
        } finally {
            load.stop();
        }
        assertTrue(load.served() > 0, "the load reached the bank");
        assertEquals(0, load.failed(), "failed requests to the bank while the hostile app ran");
        assertEquals(new LoopbackHttp.Answer(200, "bank page\n"), grid.get("bank.test", "/"));
    }

    /** The leader and its lasting descendants (busybox httpd forks a short-lived one per request). */
    private static List<Long> processesOf(long leader) throws InterruptedException {
        List<Long> first = descendants(leader);
        Thread.sleep(500);
        List<Long> lasting = new ArrayList<>(descendants(leader));
        lasting.retainAll(first);
        return lasting;
    }

    private static List<Long> descendants(long leader) {
        List<Long> processes = new ArrayList<>(List.of(leader));
        ProcessHandle.of(leader).orElseThrow().descendants().forEach(process -> processes.add(process.pid()));
        return processes;
    }

    private String awaitOutOfMemoryInPs() throws InterruptedException {
        String ps = "";
        for (int attempt = 0; attempt < 600 && !ps.contains("killed: out of memory"); attempt++) {
            Thread.sleep(100);
            ps = String.join("\n", grid.hq().alice().run("ps", "evil").requireSuccess().stdoutLines());
        }
        return ps;
    }

    /** GETs of the bank through the router, one after another on a thread of its own, until stopped. */
    private static final class Load {
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final AtomicInteger served = new AtomicInteger();
        private final AtomicInteger failed = new AtomicInteger();
        private final Thread thread;

        Load(RunningGrid grid) {
            thread = Thread.ofPlatform().daemon().name("bank load").start(() -> {
                while (running.get()) {
                    boolean ok;
                    try {
                        ok = new LoopbackHttp.Answer(200, "bank page\n").equals(grid.get("bank.test", "/"));
                    } catch (AssertionError e) {
                        ok = false;
                    }
                    (ok ? served : failed).incrementAndGet();
                }
            });
        }

        void stop() throws InterruptedException {
            running.set(false);
            thread.join();
        }

        int served() {
            return served.get();
        }

        int failed() {
            return failed.get();
        }
    }
}
