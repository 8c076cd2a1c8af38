package dev.quarry.cli.hq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.cli.ExitCodes;
import dev.quarry.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class HqCommandTest {
    @Test
    void aBadListenAddressIsOneLineAndExitTwo() {
        StringWriter err = new StringWriter();
        CommandLine commandLine = Main.commandLine();
        commandLine.setErr(new PrintWriter(err, true));
        int status = commandLine.execute("hq", "--home", "/nonexistent/quarry", "--listen", "localhost");
        assertEquals(ExitCodes.INVALID_INPUT, status);
        assertEquals("quarry hq: --listen localhost: give ADDR:PORT, such as 127.0.0.1:2222\n", err.toString());
    }

    @Test
    void helpNamesTheOptions() {
        StringWriter out = new StringWriter();
        CommandLine commandLine = Main.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        assertEquals(0, commandLine.execute("hq", "--help"));
        assertTrue(out.toString().contains("--listen=ADDR:PORT"), out.toString());
        assertTrue(out.toString().contains("--home=DIR"), out.toString());
        assertTrue(out.toString().contains("--server-ttl=DURATION"), out.toString());
        assertTrue(out.toString().contains("--replace-after=DURATION"), out.toString());
        assertTrue(out.toString().contains("--https=ADDR:PORT"), out.toString());
    }

    @Test
    void aTooShortServerTtlIsOneLineAndExitTwo() {
        StringWriter err = new StringWriter();
        CommandLine commandLine = Main.commandLine();
        commandLine.setErr(new PrintWriter(err, true));
        int status = commandLine.execute("hq", "--home", "/nonexistent/quarry", "--router", "127.0.0.1:8080",
                "--server-ttl", "200ms");
        assertEquals(ExitCodes.INVALID_INPUT, status);
        assertEquals("quarry hq: --server-ttl 200ms: give at least 1s (the default is 10s); a server is suspect after"
                + " 2s without an answer and down after the TTL\n", err.toString());
    }
}
