package dev.quarry.hq.endtoend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.hq.grid.GridSettings;
import dev.quarry.hq.grid.ServerSettings;
import dev.quarry.hq.grid.ServerSource;
import dev.quarry.pacific.provider.Server;
import dev.quarry.router.model.RouterSettings;
import dev.quarry.slicegrid.model.Resources;
import dev.quarry.testsupport.BusyboxImage;
import dev.quarry.testsupport.CommandResult;
import dev.quarry.testsupport.GitWorkTree;
import dev.quarry.testsupport.LoopbackPorts;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * HQ with pacific's local provider, for real: each server is an agent process of its own on a loopback
 * address of its own. A push needing more than one server's room makes a second server (the push says so);
 * scaling down empties it, and it is drained and removed: its agent stops, its folder goes, HQ forgets it.
 * A server whose agent ended while HQ was down (a reboot) has its agent started again when HQ starts.
 */
class ProviderGridTest {
    @TempDir
    Path root;

    @Test
    void aFullGridGetsAServerFromTheProviderAndGivesItBackWhenEmpty() throws Exception {
        BusyboxImage.requireBusybox();
        GridSettings settings = GridSettings.of(RouterSettings.local(LoopbackPorts.free()), 1).withMaxServers(2)
                .withSource(ServerSource.LOCAL).withServerCapacity(Resources.of(1024, 1000))
                .withDrainGrace(Duration.ZERO).withReconcilePeriod(RunningGrid.QUIET);
        Path providerHome = root.resolve("home/local-servers");
        try {
            try (RunningGrid grid = new RunningGrid(RunningHq.startWithGrid(root, settings),
                    settings.router().listenPort())) {
                ServerSettings first = grid.grid().servers().getFirst();
                assertEquals(List.of("s1"), ids(grid), "the minimum of one server is made at start");
                assertEquals("local", first.provider());
                assertEquals("local-1", first.providerId());

                GitWorkTree app = grid.hq().workTree("wide");
                app.write("quarry.yml", node(3)).write("public/index.html", "wide\n").commit("three");
                CommandResult push = app.push(RunningHq.url("wide"), "main").requireSuccess();

                List<String> lines = GitWorkTree.remoteLines(push);
                assertTrue(lines.contains("-----> grid full: adding a server (1 GiB, 1 cpu) …"), push.describe());
                Pattern ready = Pattern.compile("-----> grid full: adding a server \\(1 GiB, 1 cpu\\) … ready in"
                        + " [0-9]+\\.[0-9] s: s2 on 127\\.0\\.0\\.[0-9]+ \\(local local-2\\)");
                assertTrue(lines.stream().anyMatch(line -> ready.matcher(line).matches()), push.describe());
                assertEquals(List.of("s1", "s2"), ids(grid));
                ServerSettings second = grid.grid().server("s2").orElseThrow();
                assertEquals(3, grid.containerIds("wide").size());
                assertTrue(isListening(second), "s2's agent answers");

                List<String> table = grid.hq().alice().run("servers").requireSuccess().stdoutLines();
                assertTrue(table.getFirst().matches("ID +ADDRESS +SIZE +USED +FREE +TAGS +PROVIDER +\\$/HOUR"
                        + " +CONTAINERS +STATE"), String.join("\n", table));
                assertTrue(table.get(2).matches("s2 +127\\.0\\.0\\.[0-9]+:[0-9]+ +1024M,1000m +400M,250m"
                        + " +624M,750m +local +0 +1 +up since [0-9T:-]+Z"), String.join("\n", table));
                assertTrue(table.getLast().matches("total +2 servers +2048M,2000m +1200M,750m +848M,1250m +0 +3"),
                        String.join("\n", table));

                grid.hq().alice().run("scale", "wide", "web=1").requireSuccess();

                assertTrue(grid.grid().awaitNoneLeaving(Duration.ofSeconds(60)), "s2 is removed");
                assertEquals(List.of("s1"), ids(grid), "the empty server above the minimum was given back");
                assertEquals(1, grid.containerIds("wide").size());
                assertFalse(isListening(second), "s2's agent process stopped");
                assertFalse(Files.exists(providerHome.resolve("servers/local-2")), "s2's folder is gone");
                assertEquals(List.of("local-1"), LocalServers.provider(root.resolve("home"), providerHome).list().stream()
                        .map(Server::id).toList());
                assertFalse(Files.readString(root.resolve("home/etc/agent_known_hosts"))
                        .contains("[" + second.host() + "]:" + second.agentPort()), "s2's host key is forgotten");
            }
            long pid = dev.quarry.hq.state.JsonValues.MAPPER.readTree(Files.readString(
                    providerHome.resolve("servers/local-1/local.json"))).get("agentPid").asLong();
            ProcessHandle agent = ProcessHandle.of(pid).orElseThrow();
            agent.destroyForcibly();
            agent.onExit().get();

            try (RunningGrid grid = new RunningGrid(RunningHq.startWithGrid(root, settings),
                    settings.router().listenPort())) {
                assertEquals(List.of("s1"), ids(grid), "no server added: s1 is there, only off");
                assertTrue(isListening(grid.grid().server("s1").orElseThrow()), "s1's agent was started again");
                assertEquals(List.of("wide.web.1.1"), grid.containerIds("wide"), "its container found again");
            }
        } finally {
            LocalServers.removeAll(root.resolve("home"), providerHome);
        }
    }

    private static List<String> ids(RunningGrid grid) {
        return grid.grid().servers().stream().map(ServerSettings::id).toList();
    }

    private static boolean isListening(ServerSettings server) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(server.host(), server.agentPort()), 1000);
            return true;
        } catch (java.io.IOException e) {
            return false;
        }
    }

    private static String node(int scale) {
        return """
                nodes:
                  web:
                    run: exec busybox httpd -f -p "$HOST:$PORT" -h public
                    port: 8080
                    scale: %d
                    memory: 400M
                    cpu: 250m
                """.formatted(scale);
    }
}
