package dev.quarry.hq.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.quarry.agent.runtime.ContainerPhase;
import dev.quarry.agent.runtime.ContainerState;
import dev.quarry.agent.runtime.ContainerStatus;
import dev.quarry.compiler.QuarryFile;
import dev.quarry.compiler.ParseResult;
import dev.quarry.compiler.spec.RuntimeKind;
import dev.quarry.compiler.spec.StackSpec;
import dev.quarry.hq.grid.GridListing;
import dev.quarry.hq.grid.RunningContainer;
import dev.quarry.hq.grid.ServerSettings;
import dev.quarry.hq.layout.Layout;
import dev.quarry.router.model.Endpoint;
import dev.quarry.slicegrid.model.Resources;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Routes follow the containers' health, not their agents': a table of what the agents say and what answers. */
class RoutingTest {
    private static final StackSpec SPEC = ((ParseResult.Parsed) QuarryFile.parse("quarry.yml", """
            nodes:
              web:
                run: serve
                port: 8080
                scale: 2
                domains: [shop.localhost]
            """.getBytes(StandardCharsets.UTF_8), "shop")).spec();
    private static final Layout LAYOUT = Layout.EMPTY.withNode("web", 1, 2);
    private static final ServerSettings S1 = ServerSettings.of("s1", "127.0.0.11", 2200, Resources.of(1024, 1000),
            List.of(), "");
    private static final ServerSettings S2 = ServerSettings.of("s2", "127.0.0.12", 2200, Resources.of(1024, 1000),
            List.of(), "");

    /**
     * Each case: what s1's agent says of shop.web.1.1 and s2's of shop.web.1.2 ({@code running}, {@code exited},
     * {@code none}, or {@code away:STATE} when the agent does not answer and last said STATE; {@code STATE/PHASE}
     * adds the phase the agent reports, such as {@code running/unhealthy}), which containers
     * answer a direct probe, and the endpoints routed.
     */
    @ParameterizedTest(name = "s1 {0}, s2 {1}, answering {2} -> {3}")
    @CsvSource(delimiter = '|', textBlock = """
            running      | running      | ''  | 1,2
            running      | exited       | ''  | 1
            running      | none         | 1,2 | 1
            running      | away:running | 2   | 1,2
            running      | away:running | ''  | 1
            running      | away:exited  | 2   | 1
            away:running | away:running | 1,2 | 1,2
            away:running | away:running | ''  | ''
            running/up   | running/unhealthy | '' | 1
            running/up   | running/warming   | '' | 1
            running/booting | running/up     | '' | 2
            running/up   | away:running/unhealthy | 2 | 1
            """)
    void containersOfAnAgentThatIsAwayKeepTheirRouteWhileTheyAnswer(String first, String second, String answering,
            String routed) {
        List<RunningContainer> reported = new ArrayList<>();
        List<RunningContainer> lastSeen = new ArrayList<>();
        Map<String, String> unreachable = new HashMap<>();
        add(S1, 1, first, reported, lastSeen, unreachable);
        add(S2, 2, second, reported, lastSeen, unreachable);
        Set<Integer> answers = Set.copyOf(numbers(answering));
        ContainerProbe probe = (host, port) -> answers.contains(port - 30000);

        GridListing listing = new GridListing(reported, unreachable, lastSeen);
        List<Endpoint> endpoints = Routing.routes("shop", SPEC, LAYOUT, listing, Optional.empty(), probe).nodes()
                .getFirst().endpoints();

        assertEquals(numbers(routed).stream().map(index -> endpoint(index)).toList(), endpoints);
    }

    private static void add(ServerSettings server, int index, String said, List<RunningContainer> reported,
            List<RunningContainer> lastSeen, Map<String, String> unreachable) {
        boolean away = said.startsWith("away:");
        String[] words = said.replaceFirst("^away:", "").split("/");
        String state = words[0];
        ContainerPhase phase = words.length > 1 ? ContainerPhase.valueOf(words[1].toUpperCase(java.util.Locale.ROOT))
                : null;
        if (away) {
            unreachable.put(server.id(), "agent " + server.host() + ":2200 did not answer: connection refused");
        }
        if (!state.equals("none")) {
            ContainerStatus status = new ContainerStatus("shop.web.1." + index, "shop", "web", 1, RuntimeKind.PROCESS,
                    ContainerState.valueOf(state.toUpperCase(java.util.Locale.ROOT)), null, 0, Instant.EPOCH,
                    server.host(), 30000 + index, "", List.of(), phase, null, null);
            (away ? lastSeen : reported).add(new RunningContainer(server, status));
        }
    }

    private static Endpoint endpoint(int index) {
        return new Endpoint(index == 1 ? S1.host() : S2.host(), 30000 + index);
    }

    private static List<Integer> numbers(String text) {
        return text.isBlank() ? List.of() : Arrays.stream(text.split(",")).map(Integer::parseInt).sorted().toList();
    }
}
