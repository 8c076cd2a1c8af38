package dev.quarry.cli.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.cli.Main;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code quarry bench grid} in-process, on small slice files and generated slices. */
class GridBenchCommandTest {
    @TempDir
    Path folder;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void placesAFileInOrderAndWritesTheAssignment() throws IOException {
        Path slices = folder.resolve("slices.csv");
        Files.writeString(slices, "a,4096,1000\nb,4096,1000\nc,2048,3000\n\nd,6000,100\n");
        Path assignment = folder.resolve("out.csv");

        assertEquals(0, run("bench", "grid", "--capacity", "8G,4", "--slices", slices.toString(),
                "--strategy", "first-fit", "--repeat", "1", "--out", assignment.toString()));
        String line = out.toString().strip();
        assertTrue(line.startsWith("strategy=first-fit slices=4 blocks=2 lower_bound=2 ratio=1.0000 placements_per_s="), line);
        assertEquals(List.of("a,0", "b,0", "c,1", "d,1"), Files.readAllLines(assignment));
    }

    @Test
    void runsEveryStrategyAndConsolidatesWhenAsked() {
        assertEquals(0, run("bench", "grid", "--generate", "300", "--seed", "4", "--shape", "correlated",
                "--consolidate", "200ms", "--repeat", "1"));
        List<String> lines = out.toString().lines().toList();
        assertEquals(8, lines.size(), out.toString());
        assertTrue(lines.get(0).startsWith("strategy=best-fit slices=300 blocks="), lines.get(0));
        assertTrue(lines.get(1).startsWith("strategy=best-fit+consolidate slices=300 blocks="), lines.get(1));
        assertTrue(lines.get(1).contains(" moves="), lines.get(1));
        assertTrue(lines.get(4).startsWith("strategy=first-fit-decreasing slices=300"), lines.get(4));
        assertTrue(lines.get(6).startsWith("strategy=sampled slices=300"), lines.get(6));
    }

    @Test
    void churnReportsSteadyStateSpeedOnTheFullGrid() {
        assertEquals(0, run("bench", "grid", "--generate", "500", "--strategy", "best-fit", "--repeat", "1", "--churn", "2000"));
        String line = out.toString().strip();
        assertTrue(line.matches("strategy=best-fit slices=500 blocks=\\d+ lower_bound=\\d+ ratio=\\d\\.\\d{4} placements_per_s=\\d+"
                + " churn_blocks=\\d+ churn_steps_per_s=\\d+ churn_placements_per_s=\\d+"), line);
    }

    @Test
    void liveChurnPrintsOneLinePerModeAndKeepsTheMoveBudget() {
        assertEquals(0, run("bench", "grid", "--churn", "600", "--live", "200", "--seed", "3", "--consolidate-every", "100",
                "--move-budget", "5", "--consolidate", "200ms"));
        List<String> lines = out.toString().lines().toList();
        assertEquals(3, lines.size(), out.toString());
        assertTrue(lines.get(0).matches("mode=none avg_ratio=\\d\\.\\d{4} peak_blocks=\\d+ moves=0 moves_per_arrival=0\\.0000"), lines.get(0));
        String number = "(\\d+)";
        var budgeted = java.util.regex.Pattern.compile("mode=budgeted avg_ratio=\\d\\.\\d{4} peak_blocks=\\d+ moves=" + number
                + " moves_per_arrival=\\d\\.\\d{4} plan_s_max=\\d+\\.\\d{3}").matcher(lines.get(1));
        assertTrue(budgeted.matches(), lines.get(1));
        assertTrue(Integer.parseInt(budgeted.group(1)) <= 6 * 5, "6 rounds of at most 5 moves: " + lines.get(1));
        assertTrue(lines.get(2).startsWith("mode=unbounded avg_ratio="), lines.get(2));
    }

    @Test
    void liveChurnNeedsArrivalsAndMakesItsOwnSlices() {
        assertEquals(2, run("bench", "grid", "--live", "100", "--generate", "10"));
        assertEquals("quarry bench grid: --live: needs --churn ARRIVALS and makes its own slices from --seed and --shape"
                + " (no --slices or --generate)\n", err.toString());
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "--capacity;x;--capacity: must be MEMORY,CPU such as 8192M,4000m, got \"x\"",
        "--strategy;worst-fit;--strategy: must be best-fit|first-fit|first-fit-decreasing|sampled, got \"worst-fit\"",
        "--consolidate;soon;--consolidate: must be a duration such as 2s or 500ms, got \"soon\"",
        "--shape;round;--shape: must be independent, correlated or realistic, got \"round\"",
        "--generate;0;--generate: must be a whole number from 1 to 10000000, got \"0\""
    })
    void badOptionsAreOneLineAndExitTwo(String option, String value, String message) {
        List<String> args = new java.util.ArrayList<>(List.of("bench", "grid", option, value));
        if (!option.equals("--generate")) {
            args.addAll(List.of("--generate", "10"));
        }
        assertEquals(2, run(args.toArray(String[]::new)));
        assertEquals("quarry bench grid: " + message + "\n", err.toString());
        assertEquals("", out.toString());
    }

    @Test
    void aBadLineInTheSliceFileIsNamed() throws IOException {
        Path slices = folder.resolve("slices.csv");
        Files.writeString(slices, "a,100,100\nb,lots,100\n");
        assertEquals(2, run("bench", "grid", "--slices", slices.toString()));
        assertEquals("quarry bench grid: --slices: " + slices + ":2: must be id,memoryMiB,cpuMillicores with whole numbers,"
                + " not both zero, got \"b,lots,100\"\n", err.toString());
    }

    @Test
    void aSliceLargerThanABlockIsRefused() throws IOException {
        Path slices = folder.resolve("slices.csv");
        Files.writeString(slices, "huge,9000,100\n");
        assertEquals(2, run("bench", "grid", "--slices", slices.toString()));
        assertEquals("quarry bench grid: --slices: slice huge needs 9000M,100m, more than a whole block (8192M,4000m)\n", err.toString());
    }

    @Test
    void aMissingSliceFileIsNamed() {
        Path missing = folder.resolve("nothing.csv");
        assertEquals(2, run("bench", "grid", "--slices", missing.toString()));
        assertEquals("quarry bench grid: --slices: " + missing + ": no such file\n", err.toString());
    }

    @Test
    void needsSlicesFromSomewhere() {
        assertEquals(2, run("bench", "grid"));
        assertEquals("quarry bench grid: --slices: give either --slices FILE.csv or --generate N, not neither\n", err.toString());
    }

    private int run(String... args) {
        var commandLine = Main.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }
}
