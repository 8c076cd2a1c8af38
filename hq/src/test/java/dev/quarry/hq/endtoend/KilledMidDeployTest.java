package dev.quarry.hq.endtoend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import dev.quarry.agent.Agent;
import dev.quarry.hq.state.JsonValues;
import dev.quarry.testsupport.BusyboxImage;
import dev.quarry.testsupport.CommandResult;
import dev.quarry.testsupport.GitWorkTree;
import dev.quarry.testsupport.LoopbackHttp;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * HQ in its own JVM, its server's agent in this one: HQ killed with -9 while a DEPLOY waits for its new
 * containers to get healthy comes back, reconciles, and leaves exactly the live release serving.
 */
class KilledMidDeployTest {
    @TempDir
    Path root;

    @Test
    void hqKilledDuringADeployComesBackWithOneReleaseServingAndNoOrphans() throws Exception {
        BusyboxImage.requireBusybox();
        HomeWithAgent setup = HomeWithAgent.prepare(root);
        Path home = setup.home();
        Agent agent = setup.agent();
        int routerPort = setup.routerPort();
        List<String> gridOptions = setup.gridOptions();
        try {
            GitWorkTree crash;
            try (HqProcess hq = HqProcess.start(home, root.resolve("logs"), gridOptions)) {
                crash = GitWorkTree.init(root.resolve("crash"), setup.client(hq.port()).gitSshCommand());
                crash.write("quarry.yml", TestApps.web("crash.test", 2, "")).write("public/index.html", "crash one\n")
                        .commit("one");
                crash.push(RunningHq.url("crash"), "main").requireSuccess();
                crash.write("quarry.yml", TestApps.web("crash.test", 2, "/ready", "60s")).commit("never ready");
                GitWorkTree pushing = crash;
                CompletableFuture<CommandResult> push = CompletableFuture.supplyAsync(
                        () -> pushing.push(RunningHq.url("crash"), "main"));
                ActiveContainers.await(agent, List.of("crash.web.1.1", "crash.web.1.2", "crash.web.2.1", "crash.web.2.2"));
                hq.killJvmOnly();
                assertFalse(push.get().succeeded(), push.get().describe());
            }
            try (HqProcess hq = HqProcess.start(home, root.resolve("logs"), gridOptions)) {
                assertEquals(List.of("crash.web.1.1", "crash.web.1.2"), ActiveContainers.of(agent), hq.stderr());
                assertEquals(new LoopbackHttp.Answer(200, "crash one\n"),
                        LoopbackHttp.get("127.0.0.1", routerPort, "crash.test", "/"));
                JsonNode releases = JsonValues.MAPPER.readTree(setup.client(hq.port())
                        .run("releases", "crash", "--json").requireSuccess().stdout());
                assertEquals("recorded", releases.get(0).get("status").asText(), releases.toString());
                assertEquals("live", releases.get(1).get("status").asText(), releases.toString());
            }
        } finally {
            setup.close();
        }
    }
}
