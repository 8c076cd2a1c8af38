package dev.quarry.cli.locknet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

/** {@code quarry locknet} without --apply: prints documents, refuses bad input with one line and exit status 2. */
class LocknetCommandTest {

    @Test
    void printsTheIpv4DocumentThenTheIpv6One() {
        Run run = Run.of("locknet", "--role", "router", "10.0.0.2", "fd00::1", "10.0.0.1");
        assertEquals(0, run.status());
        assertEquals("", run.err());
        List<String> headings = run.out().lines().filter(line -> line.startsWith("# Quarry locknet")).toList();
        assertEquals(List.of("# Quarry locknet, IPv4: load with iptables-restore -w --noflush",
                "# Quarry locknet, IPv6: load with ip6tables-restore -w --noflush"), headings);
        assertTrue(run.out().contains("-A QUARRY-INPUT -s 10.0.0.1/32 -j ACCEPT\n-A QUARRY-INPUT -s 10.0.0.2/32 -j ACCEPT\n"));
        assertTrue(run.out().contains("-A QUARRY-INPUT -p tcp -m tcp --dport 443 -j ACCEPT\n"));
        assertTrue(run.out().contains("-A QUARRY-INPUT -s fd00::1/128 -j ACCEPT\n"));
    }

    @Test
    void theOutputIsTheSameWhateverTheOrderOfHosts() {
        assertEquals(Run.of("locknet", "10.0.0.1", "10.0.0.2").out(), Run.of("locknet", "10.0.0.2", "10.0.0.1", "10.0.0.1").out());
    }

    @Test
    void printsOneFamilyOnRequest() {
        String ipv6 = Run.of("locknet", "--ipv6", "--hq-port", "3022", "--role", "hq", "10.0.0.1").out();
        assertTrue(ipv6.startsWith("# Quarry locknet, IPv6"), ipv6);
        assertEquals(1, ipv6.lines().filter("COMMIT"::equals).count());
        assertTrue(ipv6.contains("--dport 3022 -j ACCEPT"));
        assertTrue(!ipv6.contains("10.0.0.1"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "1.2.3 | quarry locknet: \"1.2.3\" is not an IPv4 or IPv6 address; write a grid host's address such as 10.0.0.1 or fd00::1",
        "10.0.0.1 -j ACCEPT | quarry locknet: \"-j\" is neither an option of quarry locknet nor a host address; see quarry locknet --help",
        "10.0.0.1 -- -j | quarry locknet: \"-j\" is not an IPv4 or IPv6 address; write a grid host's address such as 10.0.0.1 or fd00::1",
        "--role db 10.0.0.1 | quarry locknet: role \"db\" is not one of server, router, hq",
        "--agent-port 0 10.0.0.1 | quarry locknet: --agent-port 0 is not a TCP port; use 1 to 65535",
        "--hq-port 22x 10.0.0.1 | quarry locknet: --hq-port \"22x\" is not a TCP port; use 1 to 65535",
        "--confirm-timeout soon 10.0.0.1 | quarry locknet: --confirm-timeout \"soon\" is not a duration; write a whole number with ms, s, m or h, such as 15s, or 0 to keep the rules unconfirmed",
        "--ipv4 | quarry locknet: no grid hosts given; list every host's address, e.g. 10.0.0.1 10.0.0.2",
    })
    void refusesBadInputWithOneLineBeforeAnythingRuns(String arguments, String message) {
        List<String> words = new ArrayList<>(List.of("locknet"));
        words.addAll(List.of(arguments.split(" ")));
        Run run = Run.of(words.toArray(String[]::new));
        assertEquals(2, run.status());
        assertEquals("", run.out());
        assertEquals(message + "\n", run.err());
    }

    @Test
    void aHostWithANewlineIsRefusedOnOneLine() {
        Run run = Run.of("locknet", "10.0.0.1", "10.0.0.2\n-A INPUT -j ACCEPT");
        assertEquals(2, run.status());
        assertEquals(1, run.err().lines().count(), run.err());
    }

    /** One in-process run of the quarry command. */
    record Run(int status, String out, String err) {
        static Run of(String... arguments) {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            CommandLine commandLine = Main.commandLine();
            commandLine.setOut(new PrintWriter(out, true));
            commandLine.setErr(new PrintWriter(err, true));
            int status = commandLine.execute(arguments);
            return new Run(status, out.toString(), err.toString());
        }
    }
}
