package dev.quarry.locknet.apply;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.locknet.grid.Family;
import dev.quarry.locknet.network.TestGrid;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * When the process holding an unconfirmed apply is stopped (SIGTERM, or SIGHUP when the SSH session that ran
 * {@code quarry locknet --apply} drops), it restores the previous rules on its way out.
 */
@Timeout(90)
class RollbackAtExitTest {
    private TestGrid grid;

    @BeforeEach
    void buildGrid() {
        grid = TestGrid.create();
    }

    @AfterEach
    void removeGrid() {
        grid.close();
    }

    @Test
    void stoppingTheProcessBeforeConfirmingRestoresThePreviousRules() throws Exception {
        String before = tables();
        Process applying = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), ApplyAndWait.class.getName(), grid.host("g1").name())
                .redirectErrorStream(true).start();
        try {
            BufferedReader output = new BufferedReader(new InputStreamReader(applying.getInputStream(), StandardCharsets.UTF_8));
            assertEquals("applied", output.readLine());
            assertNotEquals(before, tables());

            applying.destroy();

            assertTrue(applying.waitFor(60, TimeUnit.SECONDS), "the applying process ended");
            assertEquals(before, tables());
        } finally {
            applying.destroyForcibly();
        }
    }

    private String tables() {
        return grid.filterTable("g1", Family.IPV4) + grid.filterTable("g1", Family.IPV6);
    }
}
