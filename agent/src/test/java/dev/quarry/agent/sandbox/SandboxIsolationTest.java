package dev.quarry.agent.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.agent.home.AgentHome;
import dev.quarry.agent.process.LogFile;
import dev.quarry.agent.process.ProcessLauncher;
import dev.quarry.agent.runtime.ContainerRequest;
import dev.quarry.agent.runtime.ContainerState;
import dev.quarry.agent.runtime.ContainerStatus;
import dev.quarry.agent.runtime.PrepareRequest;
import dev.quarry.agent.runtime.RuntimeFailure;
import dev.quarry.agent.testing.Busybox;
import dev.quarry.agent.testing.Http;
import dev.quarry.agent.testing.Processes;
import dev.quarry.agent.testing.RecordingSleeper;
import dev.quarry.agent.testing.RuntimeFixture;
import dev.quarry.agent.testing.Waits;
import dev.quarry.compiler.spec.RestartPolicy;
import dev.quarry.compiler.spec.RestartSpec;
import dev.quarry.testsupport.LoopbackPorts;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A hostile process container next to an honest one ("bank"), with real bubblewrap and cgroups: every
 * attack fails, and the bank keeps serving its own page from its own process.
 */
class SandboxIsolationTest {
    private static final String BANK_PAGE = "bank page\n";

    @TempDir
    Path temp;

    private AgentHome home;
    private RuntimeFixture fixture;
    private ContainerRequest bank;
    private ContainerStatus bankStarted;

    @BeforeEach
    void startTheBank() throws Exception {
        Busybox.require();
        home = new AgentHome(temp.resolve("home"));
        Files.createDirectories(home.root());
        Files.writeString(home.hostKey(), "AGENT PRIVATE KEY\n");
        fixture = new RuntimeFixture(home, new ProcessLauncher(home, Path.of("/sys/fs/cgroup"), LogFile.DEFAULT_CAP),
                new RecordingSleeper());
        Busybox.writeApp(home.source("bank", 1), "bank page");
        bank = ContainerRequest.builder("bank.web.1.1", "127.0.0.1").run(Busybox.SERVE).port(LoopbackPorts.free())
                .toRequest();
        bankStarted = fixture.runtime().start(bank);
        Waits.until("the bank to serve", () -> serves(bank), served -> served);
    }

    @AfterEach
    void removeContainers() {
        fixture.close();
    }

    @Test
    void everyAttackOfAHostileAppFailsAndTheBankKeepsServing() throws Exception {
        HostileApp.write(home.source("evil", 1));
        List<Long> bankProcesses = processesOf(Long.parseLong(bankStarted.handle()));
        ContainerRequest evil = ContainerRequest.builder("evil.web.1.1", "127.0.0.1").run(HostileApp.RUN)
                .port(LoopbackPorts.free()).env("AGENT_HOME", home.root().toString())
                .env("VICTIM_PIDS", bankProcesses.stream().map(String::valueOf).collect(Collectors.joining(" ")))
                .toRequest();

        fixture.runtime().start(evil);
        List<String> report = Waits.until("the attacks to end", () -> fixture.runtime().logs(evil.id(), 100),
                lines -> lines.contains(HostileApp.DONE));

        assertEquals(List.of(), report.stream().filter(line -> line.startsWith("BREACH")).toList(), report::toString);
        assertEquals(9 + 2 * bankProcesses.size(), report.stream().filter(line -> line.startsWith("blocked: ")).count(),
                report::toString);
        long evilUser = userOf(report);
        assertTrue(evilUser >= StackUsers.FIRST && evilUser <= StackUsers.LAST, report::toString);
        assertNotEquals(ownerOf(bankProcesses.getLast()), evilUser, "each stack has its own user");
        assertTrue(report.contains("uid " + evilUser + " gid " + evilUser + " NoNewPrivs:1"), report::toString);
        assertTrue(report.contains("home /home/app holds app"), report::toString);
        assertTrue(report.contains("writes own home yes"), report::toString);
        assertTrue(report.contains("users root:/root nobody:/nonexistent app:/home/app "), report::toString);
        assertTrue(report.contains("me app"), report::toString);
        int seen = Integer.parseInt(report.stream().filter(line -> line.startsWith("processes seen ")).findFirst()
                .orElseThrow().substring("processes seen ".length()));
        assertTrue(seen < 10, "only its own sandbox's processes: " + seen);
        assertTrue(bankProcesses.stream().allMatch(Processes::isRunning), "the bank's processes live");
        assertEquals(BANK_PAGE, Http.get("127.0.0.1", bank.port(), "/"));
        assertEquals(BANK_PAGE, Files.readString(home.source("bank", 1).resolve("www/index.html")));
    }

    @Test
    void aForkBombStaysInsideItsPidsLimitWhileTheBankServesEveryRequest() {
        Busybox.writeApp(home.source("evil", 1), "bomb");
        ContainerRequest bomb = ContainerRequest.builder("evil.bomb.1.1", "127.0.0.1")
                .run("bomb() { bomb | bomb & }; bomb; exec sleep 1000").port(LoopbackPorts.free()).cpuMillicores(200)
                .toRequest();

        ContainerStatus started = fixture.runtime().start(bomb);
        Waits.until("the bomb to hit its limit", () -> pidsEvents(bomb), events -> events > 0);
        int failed = 0;
        for (int request = 0; request < 200; request++) {
            failed += serves(bank) ? 0 : 1;
        }

        assertEquals(0, failed, "failed requests to the bank while the bomb went off");
        assertEquals(List.of(), started.notes());
        fixture.runtime().stop(bomb.id(), Duration.ZERO);
        assertFalse(Processes.isRunning(Long.parseLong(started.handle())));
        assertTrue(serves(bank));
    }

    @Test
    void aForkBombInABuildStaysInsideItsPidsLimitAndEndsWithIt() {
        Busybox.writeApp(home.source("evil", 2), "bomb");
        PrepareRequest build = new PrepareRequest("evil", "web", 2, null, null, null,
                List.of("bomb() { bomb | bomb & }; bomb; sleep 3; exit 9"),
                Map.of());

        RuntimeFailure failed = assertThrows(RuntimeFailure.class, () -> fixture.runtime().prepare(build));

        assertTrue(failed.getMessage().startsWith("build failed: bomb() {"), failed.getMessage());
        assertTrue(failed.lines().stream().anyMatch(line -> line.toLowerCase(java.util.Locale.ROOT).contains("fork")),
                "the bomb ran out of processes: " + failed.lines());
        assertTrue(serves(bank));
        assertFalse(Files.exists(Path.of("/sys/fs/cgroup/pids", "quarry-" + home.agentId(), "build@evil.web.2"))
                || Files.exists(Path.of("/sys/fs/cgroup", "quarry-" + home.agentId(), "build@evil.web.2")),
                "its cgroup is gone with it");
    }

    @Test
    void onlyTheContainerPastItsMemoryIsKilledAndItsPolicyRestartsIt() {
        Busybox.writeApp(home.source("evil", 1), "greedy");
        RestartSpec always = new RestartSpec(RestartPolicy.ALWAYS, 0, Duration.ofMillis(100));
        ContainerRequest greedy = ContainerRequest.builder("evil.greedy.1.1", "127.0.0.1")
                .run("exec perl -e '$x = q(a) x (256 * 1024 * 1024); sleep 1000'").port(LoopbackPorts.free())
                .memoryMebibytes(32).restart(always).toRequest();

        fixture.runtime().start(greedy);
        ContainerStatus killed = Waits.until("an out-of-memory kill and a restart", () -> fixture.status(greedy.id()),
                status -> status.restarts() > 0 && status.notes().stream().anyMatch(note -> note.startsWith(
                        "killed: out of memory")));

        assertTrue(killed.notes().stream().anyMatch(note -> note.endsWith("limit 32 MiB)")), killed::toString);
        assertEquals(ContainerState.RUNNING, fixture.status(bank.id()).state());
        assertEquals(bankStarted.handle(), fixture.status(bank.id()).handle(), "the bank was not touched");
        assertTrue(serves(bank));
    }

    @Test
    void withoutBubblewrapProcessContainersAreRefusedInOneLine() {
        AgentHome other = new AgentHome(temp.resolve("other"));
        Busybox.writeApp(other.source("shop", 1), "unsandboxed");
        Sandbox missing = Sandbox.detect(List.of(), "/nonexistent");
        try (RuntimeFixture refusing = new RuntimeFixture(other, new ProcessLauncher(other, Path.of("/sys/fs/cgroup"),
                LogFile.DEFAULT_CAP, missing), new RecordingSleeper())) {
            ContainerRequest request = ContainerRequest.builder("shop.web.1.1", "127.0.0.1").run(Busybox.SERVE)
                    .port(LoopbackPorts.free()).toRequest();

            RuntimeException refused = org.junit.jupiter.api.Assertions.assertThrows(RuntimeException.class,
                    () -> refusing.runtime().start(request));

            assertEquals("process containers run in a bubblewrap sandbox and bwrap is not installed; install"
                    + " bubblewrap (apt-get install bubblewrap) and restart the agent; process containers are refused"
                    + " until then (never run unsandboxed)", refused.getMessage());
            assertEquals(List.of(), refusing.runtime().list());
        }
    }

    private static boolean serves(ContainerRequest request) {
        try {
            return BANK_PAGE.equals(Http.get("127.0.0.1", request.port(), "/"));
        } catch (AssertionError e) {
            return false;
        }
    }

    /** The leader and its lasting descendants (busybox httpd forks a short-lived one per request). */
    private static List<Long> processesOf(long leader) throws InterruptedException {
        List<Long> first = descendants(leader);
        Thread.sleep(500);
        List<Long> lasting = new java.util.ArrayList<>(descendants(leader));
        lasting.retainAll(first);
        return lasting;
    }

    private static List<Long> descendants(long leader) {
        List<Long> processes = new java.util.ArrayList<>(List.of(leader));
        ProcessHandle.of(leader).orElseThrow().descendants().forEach(process -> processes.add(process.pid()));
        return processes;
    }

    private static long ownerOf(long pid) throws Exception {
        return ((Number) Files.getAttribute(Path.of("/proc", Long.toString(pid)), "unix:uid")).longValue();
    }

    private static long userOf(List<String> report) {
        String line = report.stream().filter(text -> text.startsWith("uid ")).findFirst().orElseThrow();
        return Long.parseLong(line.split(" ")[1]);
    }

    private long pidsEvents(ContainerRequest request) {
        Path v2 = Path.of("/sys/fs/cgroup", "quarry-" + home.agentId(), request.id(), "pids.events");
        Path v1 = Path.of("/sys/fs/cgroup/pids", "quarry-" + home.agentId(), request.id(), "pids.events");
        try {
            String text = Files.readString(Files.exists(v2) ? v2 : v1, StandardCharsets.US_ASCII);
            return Long.parseLong(text.strip().substring(text.strip().lastIndexOf(' ') + 1));
        } catch (Exception e) {
            return 0;
        }
    }
}
