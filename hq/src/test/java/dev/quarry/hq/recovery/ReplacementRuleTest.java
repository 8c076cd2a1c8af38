package dev.quarry.hq.recovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.quarry.hq.liveness.Liveness;
import dev.quarry.hq.liveness.ServerState;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** When lost servers are given back and replaced, as a table of grids (5 minutes' --replace-after). */
class ReplacementRuleTest {
    private static final Instant NOW = Instant.parse("2026-12-04T20:00:00Z");

    /**
     * Each case: min and max, the servers ({@code ID:STATE@S}, in that state since S seconds before now), then
     * the servers given back (longest down first) and how many replacements are asked.
     */
    @ParameterizedTest(name = "min {0} max {1}: {2} -> give back [{3}], replace {4}")
    @CsvSource(delimiter = '|', textBlock = """
            1 | 3 | s1:up@900                              | ''       | 0
            2 | 3 | s1:up@900 s2:down@60                   | ''       | 0
            2 | 3 | s1:up@900 s2:down@299                  | ''       | 0
            2 | 3 | s1:up@900 s2:down@300                  | s2       | 1
            2 | 3 | s1:up@900 s2:down@3600                 | s2       | 1
            2 | 3 | s1:up@900 s2:down@400 s3:up@390        | s2       | 0
            1 | 3 | s1:up@900 s2:down@400                  | s2       | 0
            2 | 3 | s1:suspect@3 s2:down@400               | s2       | 1
            2 | 3 | s1:returning@1 s2:down@400             | s2       | 1
            3 | 3 | s1:up@900 s2:down@400 s3:down@500      | s3 s2    | 2
            3 | 3 | s1:up@900 s2:down@400 s3:down@100      | s2       | 1
            2 | 2 | s1:down@400 s2:down@400                | s1 s2    | 2
            0 | 2 | s1:down@400                            | s1       | 0
            2 | 3 | s1:up@900 s2:returning@5               | ''       | 0
            """)
    void downPastTheGraceIsGivenBackAndReplacedUpToTheMinimum(int min, int max, String servers, String givenBack,
            int replacements) {
        ReplacementRule rule = new ReplacementRule(ReplacementRule.DEFAULT_REPLACE_AFTER, min, max);

        Replacement decided = rule.decide(servers(servers), NOW);

        assertEquals(givenBack.isBlank() ? List.of() : List.of(givenBack.trim().split("\\s+")), decided.giveBack());
        assertEquals(replacements, decided.replacements());
    }

    @ParameterizedTest(name = "max {0}: {1} -> room for {2}")
    @CsvSource(delimiter = '|', textBlock = """
            3 | s1:up@900                     | 2
            3 | s1:up@900 s2:down@60          | 1
            2 | s1:up@900 s2:down@60          | 0
            2 | s1:up@900 s2:down@60 s3:up@50 | 0
            """)
    void aDownServerCountsAgainstTheMaximumWhileTheProviderHoldsIt(int max, String servers, int room) {
        assertEquals(room, new ReplacementRule(Duration.ofMinutes(5), 1, max).roomToGrow(servers(servers)));
    }

    @ParameterizedTest(name = "{0} ms, min {1}, max {2}")
    @CsvSource({"0, 1, 2", "-1000, 1, 2", "1000, 3, 2", "1000, -1, 2"})
    void nonsenseIsRefused(long replaceAfterMillis, int min, int max) {
        assertThrows(IllegalArgumentException.class,
                () -> new ReplacementRule(Duration.ofMillis(replaceAfterMillis), min, max));
    }

    private static Map<String, Liveness> servers(String text) {
        Map<String, Liveness> servers = new LinkedHashMap<>();
        for (String server : text.trim().split("\\s+")) {
            String[] parts = server.split("[:@]");
            Instant since = NOW.minusSeconds(Long.parseLong(parts[2]));
            ServerState state = ServerState.valueOf(parts[1].toUpperCase(Locale.ROOT));
            servers.put(parts[0], new Liveness(state, since, state == ServerState.DOWN ? since : NOW));
        }
        return servers;
    }
}
