package dev.quarry.locknet.apply;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.locknet.grid.Family;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProcessCommandRunnerTest {
    private final ProcessCommandRunner runner = new ProcessCommandRunner(Duration.ofSeconds(20));

    @Test
    void feedsInputAndCollectsBothOutputs() throws IOException {
        CommandResult result = runner.run(List.of("sh", "-c", "cat; echo oops >&2; exit 3"), "document\n");
        assertEquals(new CommandResult(3, "document\n", "oops\n"), result);
        assertEquals("oops", result.errorLine());
    }

    @Test
    void theErrorLineJoinsLinesAndDropsTheHelpAdvice() {
        CommandResult result = new CommandResult(2, "", """
                iptables-restore v1.8.9 (nf_tables): Couldn't load match `nosuchmatch':No such file or directory

                Error occurred at line: 2
                Try `iptables-restore -h' or 'iptables-restore --help' for more information.
                """);
        assertEquals("iptables-restore v1.8.9 (nf_tables): Couldn't load match `nosuchmatch':No such file or directory; "
                + "Error occurred at line: 2", result.errorLine());
        assertEquals("exit status 1", new CommandResult(1, "", "").errorLine());
    }

    @Test
    void aMissingProgramIsAnIoFailure() {
        assertThrows(IOException.class, () -> runner.run(List.of("quarry-no-such-program"), ""));
    }

    @Test
    void aCommandThatOutlivesItsLimitIsKilled() {
        ProcessCommandRunner impatient = new ProcessCommandRunner(Duration.ofMillis(200));
        IOException failure = assertThrows(IOException.class, () -> impatient.run(List.of("sleep", "30"), ""));
        assertTrue(failure.getMessage().startsWith("sleep did not finish within"), failure.getMessage());
    }

    @Test
    void iptablesThatCannotRunSaysWhatIsNeeded() {
        Iptables missing = new Iptables(Family.IPV4,
                (command, input) -> runner.run(List.of("quarry-no-such-" + command.get(0)), input));
        LocknetFailure failure = assertThrows(LocknetFailure.class, missing::save);
        assertTrue(failure.getMessage().startsWith("locknet: cannot run iptables-save: "), failure.getMessage());
        assertTrue(failure.getMessage().endsWith("; locknet needs iptables (apt-get install iptables) and root"), failure.getMessage());
    }
}
