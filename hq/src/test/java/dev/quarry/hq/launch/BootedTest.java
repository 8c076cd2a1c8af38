package dev.quarry.hq.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.quarry.compiler.ParseResult;
import dev.quarry.compiler.QuarryFile;
import dev.quarry.compiler.spec.StackSpec;
import dev.quarry.hq.grid.ServerSettings;
import dev.quarry.slicegrid.model.Resources;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A container that did not come up says whether the app failed or its server's agent could not be reached. */
class BootedTest {
    private static final StackSpec SPEC = ((ParseResult.Parsed) QuarryFile.parse("quarry.yml", """
            nodes:
              web:
                run: serve
                port: 8080
            """.getBytes(StandardCharsets.UTF_8), "shop")).spec();
    private static final Placed PLACED = new Placed(ContainerPlan.ofNode("shop", SPEC.nodes().get("web"), 3, 1),
            ServerSettings.of("s2", "127.0.0.12", 2200, Resources.of(1024, 1000), List.of(), ""));

    @Test
    void anUnreachableAgentIsNotBlamedOnTheApp() {
        LaunchFailure failure = Booted.unreached(PLACED, "agent 127.0.0.12:2200 did not answer: connection refused")
                .failure();

        assertEquals("shop/web: shop.web.3.1 could not be started on s2: its agent is unreachable (agent"
                + " 127.0.0.12:2200 did not answer: connection refused); HQ takes a server whose agent stays silent off"
                + " the grid after the server TTL (quarry servers shows it), push again then", failure.getMessage());
    }

    @Test
    void anUnhealthyAppIsTheAppsToFix() {
        LaunchFailure failure = new Booted(PLACED, false, "GET /up answered 500 after 2.0 s", List.of("boom"))
                .failure();

        assertEquals("shop/web: shop.web.3.1 on s2 is not healthy: GET /up answered 500 after 2.0 s; fix the app or"
                + " its health settings in quarry.yml and push again", failure.getMessage());
        assertEquals(List.of("boom"), failure.lines());
    }
}
