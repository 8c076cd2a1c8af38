package dev.quarry.hq.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.quarry.agent.runtime.ContainerState;
import dev.quarry.agent.runtime.ContainerStatus;
import dev.quarry.compiler.ParseResult;
import dev.quarry.compiler.QuarryFile;
import dev.quarry.compiler.spec.RuntimeKind;
import dev.quarry.compiler.spec.StackSpec;
import dev.quarry.hq.grid.GridListing;
import dev.quarry.hq.grid.RunningContainer;
import dev.quarry.hq.grid.ServerSettings;
import dev.quarry.slicegrid.model.Resources;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The converge decision as a table, in the style of Nomad's reconciler tests: the layout wants shop.web.2.1
 * and shop.web.2.2; each case gives what the agents report, which agents do not answer and where each
 * container's room is reserved, and expects what starts and what is removed.
 */
class ConvergeRulesTest {
    private static final StackSpec SPEC = ((ParseResult.Parsed) QuarryFile.parse("quarry.yml", """
            nodes:
              web:
                run: serve
                port: 8080
                scale: 2
            """.getBytes(StandardCharsets.UTF_8), "shop")).spec();
    private static final List<ContainerPlan> DESIRED = List.of(
            ContainerPlan.ofNode("shop", SPEC.nodes().get("web"), 2, 1),
            ContainerPlan.ofNode("shop", SPEC.nodes().get("web"), 2, 2));

    /**
     * {@code reported}: {@code ID@SERVER:STATE} containers the agents list (ids shortened to release.index);
     * {@code silent}: servers whose agent does not answer; {@code reserved}: {@code ID@SERVER} rooms held
     * (a server taken off the grid holds none).
     */
    @ParameterizedTest(name = "reported [{0}] silent [{1}] reserved [{2}] -> start [{3}] remove [{4}]")
    @CsvSource(delimiter = '|', textBlock = """
            2.1@s1:running 2.2@s2:running | ''    | 2.1@s1 2.2@s2 | ''      | ''
            ''                            | ''    | ''            | 2.1 2.2 | ''
            2.1@s1:running                | ''    | 2.1@s1 2.2@s2 | 2.2     | ''
            2.1@s1:running 2.2@s2:exited  | ''    | 2.1@s1 2.2@s2 | 2.2     | ''
            2.1@s1:running 2.2@s2:restarting | '' | 2.1@s1 2.2@s2 | ''      | ''
            2.1@s1:running                | s2    | 2.1@s1 2.2@s2 | ''      | ''
            2.1@s1:running                | s2    | 2.1@s1        | 2.2     | ''
            2.1@s1:running 2.2@s1:running 1.1@s2:running | '' | 2.1@s1 2.2@s1 | '' | 1.1
            1.1@s1:running 1.2@s2:exited  | ''    | ''            | 2.1 2.2 | 1.1 1.2
            1.1@s1:running                | s2    | 2.1@s2 2.2@s2 | ''      | 1.1
            """)
    void startsWhatIsMissingAndRemovesWhatNoPlanWants(String reported, String silent, String reserved,
            String start, String remove) {
        List<RunningContainer> containers = new ArrayList<>();
        for (String entry : words(reported)) {
            String[] parts = entry.split("[@:]");
            containers.add(container(parts[0], parts[1], parts[2]));
        }
        Map<String, String> unreachable = new HashMap<>();
        words(silent).forEach(server -> unreachable.put(server, "agent of " + server + " did not answer"));
        Map<String, String> rooms = new HashMap<>();
        for (String entry : words(reserved)) {
            rooms.put("shop.web." + entry.split("@")[0], entry.split("@")[1]);
        }
        GridListing listing = new GridListing(containers, unreachable);

        List<ContainerPlan> missing = ConvergeRules.missing(DESIRED, listing, id -> Optional.ofNullable(rooms.get(id)));
        List<RunningContainer> orphans = ConvergeRules.orphans("shop", DESIRED, listing);

        assertEquals(words(start), missing.stream().map(plan -> plan.id().toString().substring("shop.web.".length()))
                .toList());
        assertEquals(words(remove), orphans.stream().map(container -> container.id().substring("shop.web.".length()))
                .sorted().toList());
    }

    private static RunningContainer container(String shortId, String server, String state) {
        ServerSettings on = ServerSettings.of(server, "127.0.0." + (10 + server.charAt(1) - '0'), 2200,
                Resources.of(1024, 1000), List.of(), "");
        String[] numbers = shortId.split("\\.");
        ContainerStatus status = new ContainerStatus("shop.web." + shortId, "shop", "web",
                Integer.parseInt(numbers[0]), RuntimeKind.PROCESS, ContainerState.valueOf(state.toUpperCase(
                        java.util.Locale.ROOT)), null, 0, Instant.EPOCH, on.host(), 30000, "", List.of());
        return new RunningContainer(on, status);
    }

    private static List<String> words(String text) {
        return text.isBlank() ? List.of() : Arrays.asList(text.trim().split("\\s+"));
    }
}
