package dev.quarry.hq.endtoend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.hq.grid.RunningContainer;
import dev.quarry.testsupport.BusyboxImage;
import dev.quarry.testsupport.CommandResult;
import dev.quarry.testsupport.GitWorkTree;
import dev.quarry.testsupport.OpenSshClient;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code run APP [NODE] -- CMD} through HQ with real git and OpenSSH on a real grid: a one-off command of the live
 * release with the node's env (config included), in its sandbox as the stack's user, its output streamed back and
 * its exit status passed through; listed by ps while it runs, killed and gone once its caller leaves.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OneOffRunTest {
    @TempDir
    static Path root;

    private RunningGrid grid;

    @BeforeAll
    void startGridAndPush() {
        BusyboxImage.requireBusybox();
        grid = RunningGrid.start(root.resolve("grid"), 1);
        GitWorkTree ones = grid.hq().workTree("ones");
        ones.write("quarry.yml", TestApps.web("ones.test", 1, "")).write("public/index.html", "ones\n")
                .commit("a web");
        ones.push(RunningHq.url("ones"), "main").requireSuccess();
        grid.hq().alice().run("config", "ones", "set", "GREETING=hello-from-config").requireSuccess();
    }

    @AfterAll
    void stopGrid() {
        if (grid != null) {
            grid.close();
        }
    }

    @Test
    void aOneOffGetsTheNodesEnvRunsAsTheStacksUserAndPassesItsExitStatus() {
        CommandResult run = grid.hq().alice().run("run ones -- sh -c 'echo \"port=$PORT\"; env; id -u; exit 3'");

        assertEquals(3, run.exitCode(), run.describe());
        RunningContainer web = grid.containers("ones").getFirst();
        List<String> lines = run.stdoutLines();
        assertEquals("port=" + web.status().port(), lines.getFirst(), run.describe());
        assertTrue(lines.contains("GREETING=hello-from-config"), run.describe());
        assertTrue(lines.contains("QUARRY_NODE=ones/web"), run.describe());
        String user = lines.getLast();
        assertTrue(user.matches("[0-9]+") && !user.equals("0"), "not root: " + run.describe());
        assertEquals(List.of(), grid.grid().list().oneOffs(), "nothing left once it ended");
        assertTrue(grid.hq().alice().run("audit").requireSuccess().stdout().contains("run ones web -- sh"),
                "audited by its first word");
    }

    @Test
    void psListsARunningOneOffAndLeavingKillsIt() throws Exception {
        OpenSshClient alice = grid.hq().alice();
        Path output = root.resolve("sleep.out");
        Process caller = new ProcessBuilder(alice.command(List.of(), "run ones web -- sleep 4711"))
                .redirectErrorStream(true).redirectOutput(output.toFile()).start();
        try {
            String row = awaitRow(alice);
            assertTrue(row.matches("ones +web +ones\\.web\\.run\\.[0-9]+ +s1 +\\S+ +running +0 +2 +process *"), row);
            assertEquals(1, sleeping());

            caller.destroy();
            assertTrue(caller.waitFor(20, TimeUnit.SECONDS), "ssh ended");

            for (int tries = 0; tries < 200 && (sleeping() > 0 || !grid.grid().list().oneOffs().isEmpty()); tries++) {
                Thread.sleep(100);
            }
            assertEquals(0, sleeping(), "the one-off's process is killed when its caller leaves");
            assertEquals(List.of(), grid.grid().list().oneOffs(), "and its record gone");
            assertFalse(alice.run("ps", "ones").requireSuccess().stdout().contains(".run."));
        } finally {
            caller.destroyForcibly();
        }
    }

    @Test
    void refusesInOneLine() {
        OpenSshClient alice = grid.hq().alice();
        assertOneLine(alice.run("run nosuch -- true"), "quarry run: no app named nosuch on this HQ; see: apps, or push"
                + " it: git push quarry@HQ:nosuch main");
        assertOneLine(alice.run("run ones true"), "quarry run: put the command after --; usage: run APP [NODE] --"
                + " COMMAND...");
        assertOneLine(alice.run("run ones --"), "quarry run: name the command to run after --; usage: run APP [NODE]"
                + " -- COMMAND...");
        assertOneLine(alice.run("run ones worker -- true"), "quarry run: ones has no node worker in release 2; its"
                + " nodes: web");
        assertOneLine(grid.hq().client("carol").run("run ones -- true"), "quarry: carol may not run commands in ones;"
                + " an admin can run: ssh quarry@HQ access grant carol ones");
    }

    /** The ps row of the running one-off, once it shows. */
    private String awaitRow(OpenSshClient alice) throws InterruptedException {
        for (int tries = 0; tries < 200; tries++) {
            CommandResult ps = alice.run("ps", "ones").requireSuccess();
            List<String> rows = ps.stdoutLines().stream().filter(line -> line.contains(".run.")).toList();
            if (!rows.isEmpty()) {
                return rows.getFirst();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("ps never listed the one-off");
    }

    /** How many processes run {@code sleep 4711} (read from /proc; none is signalled). */
    private static long sleeping() throws IOException {
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            return processes.filter(path -> path.getFileName().toString().matches("[0-9]+"))
                    .filter(path -> "sleep\0004711\0".equals(commandLine(path))).count();
        }
    }

    private static String commandLine(Path process) {
        try {
            return new String(Files.readAllBytes(process.resolve("cmdline")), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    private static void assertOneLine(CommandResult result, String line) {
        assertNotEquals(0, result.exitCode(), result.describe());
        assertEquals(List.of(line), result.stderrLines(), result.describe());
    }
}
