package dev.quarry.cli.locknet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code quarry locknet --apply}, run as its own process inside a network namespace this test creates, so
 * "this machine" is the namespace and the machine's own iptables are never touched.
 */
@Timeout(90)
class LocknetApplyTest {
    private String namespace;

    @BeforeEach
    void createNamespace() throws Exception {
        namespace = "qln" + Long.toString(new SecureRandom().nextLong() & Long.MAX_VALUE, 36) + "-cli";
        Result created = run(List.of("ip", "netns", "add", namespace), "");
        assertEquals(0, created.status(), "cannot create network namespace " + namespace + " (needs root): " + created.err());
    }

    @AfterEach
    void deleteNamespace() throws Exception {
        run(List.of("ip", "netns", "delete", namespace), "");
    }

    @Test
    void enterKeepsTheRules() throws Exception {
        Result applied = quarry("\n", "locknet", "--apply", "--role", "router", "10.77.0.1", "fd77::1");

        assertEquals(0, applied.status(), applied.err());
        assertEquals("""
                quarry locknet: applied; press Enter within 15s to keep the rules, or they are rolled back
                quarry locknet: kept the new rules
                """, applied.err());
        String rules = inside("iptables", "-S");
        assertTrue(rules.contains("-A INPUT -j QUARRY-INPUT"), rules);
        assertTrue(rules.contains("-A QUARRY-INPUT -p tcp -m tcp --dport 443 -j ACCEPT"), rules);
        assertTrue(inside("ip6tables", "-S").contains("-A QUARRY-INPUT -s fd77::1/128 -j ACCEPT"));
    }

    @Test
    void withoutEnterTheRulesAreRolledBack() throws Exception {
        Result applied = quarry("", "locknet", "--apply", "10.77.0.1");

        assertEquals(1, applied.status(), applied.err());
        assertTrue(applied.err().endsWith(
                "quarry locknet: standard input ended before Enter was pressed; restored the previous rules\n"), applied.err());
        assertFalse(inside("iptables", "-S").contains("QUARRY"));
    }

    private Result quarry(String input, String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of("ip", "netns", "exec", namespace,
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "dev.quarry.cli.Main"));
        command.addAll(List.of(arguments));
        return run(command, input);
    }

    private String inside(String... command) throws Exception {
        List<String> full = new ArrayList<>(List.of("ip", "netns", "exec", namespace));
        full.addAll(List.of(command));
        Result result = run(full, "");
        assertEquals(0, result.status(), result.err());
        return result.out();
    }

    private static Result run(List<String> command, String input) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).start();
        try (var stdin = process.getOutputStream()) {
            stdin.write(input.getBytes(StandardCharsets.UTF_8));
        }
        byte[] out = process.getInputStream().readAllBytes();
        byte[] err = process.getErrorStream().readAllBytes();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(command + " did not finish");
        }
        return new Result(process.exitValue(), new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
    }

    private record Result(int status, String out, String err) {}
}
