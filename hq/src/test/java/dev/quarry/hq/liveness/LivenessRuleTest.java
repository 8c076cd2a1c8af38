package dev.quarry.hq.liveness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LivenessRuleTest {
    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
    private static final LivenessRule RULE = new LivenessRule(Duration.ofSeconds(2), Duration.ofSeconds(10));

    /**
     * Each case: what happens, in order ({@code answer@S} the agent answered at S seconds after HQ began
     * watching, {@code tick@S} HQ looked at S seconds with no answer since, {@code clear@S} its stale
     * containers were removed at S), then the state and the second it began.
     */
    @ParameterizedTest(name = "{0} -> {1} since {2}")
    @CsvSource(delimiter = '|', textBlock = """
            ''                                          | up        | 0
            tick@1.9                                    | up        | 0
            tick@2                                      | suspect   | 2
            tick@3 tick@9.9                             | suspect   | 2
            tick@10                                     | down      | 10
            tick@3 tick@10                              | down      | 10
            tick@40                                     | down      | 10
            answer@1 tick@2.9                           | up        | 0
            answer@1 tick@3                             | suspect   | 3
            tick@3 answer@4                             | up        | 4
            tick@3 answer@4 tick@5                      | up        | 4
            answer@5 tick@14.9                          | suspect   | 7
            answer@5 tick@15                            | down      | 15
            tick@12 tick@30                             | down      | 10
            tick@12 answer@20                           | returning | 20
            tick@12 answer@20 answer@21 tick@22.5       | returning | 20
            tick@12 answer@20 tick@30                   | down      | 30
            tick@12 answer@20 clear@21                  | up        | 21
            tick@12 answer@20 clear@21 tick@23          | suspect   | 22
            answer@1 clear@2                            | up        | 0
            tick@3 clear@4                              | suspect   | 2
            tick@12 clear@13                            | down      | 10
            """)
    void statesFollowAnswersAndTime(String events, String state, double since) {
        Liveness liveness = RULE.first(START);
        for (String event : events.isBlank() ? new String[0] : events.trim().split("\\s+")) {
            String[] parts = event.split("@");
            Instant at = at(Double.parseDouble(parts[1]));
            liveness = switch (parts[0]) {
                case "answer" -> RULE.answered(liveness, at);
                case "tick" -> RULE.silent(liveness, at);
                case "clear" -> RULE.cleared(liveness, at);
                default -> throw new IllegalArgumentException(event);
            };
        }
        assertEquals(state, liveness.state().word());
        assertEquals(at(since), liveness.since());
    }

    @ParameterizedTest
    @CsvSource({"up,true", "suspect,true", "down,false", "returning,false"})
    void onlyUpAndSuspectServersTakeWork(String state, boolean takesWork) {
        assertEquals(takesWork, ServerState.valueOf(state.toUpperCase(java.util.Locale.ROOT)).takesWork());
    }

    @ParameterizedTest
    @CsvSource({"10000,2000", "3000,1500", "60000,2000"})
    void aShortTtlMakesServersSuspectSooner(long ttlMillis, long suspectMillis) {
        assertEquals(Duration.ofMillis(suspectMillis),
                LivenessRule.withTtl(Duration.ofMillis(ttlMillis)).suspectAfter());
    }

    @ParameterizedTest
    @CsvSource({"2000,2000", "2000,1000", "0,1000"})
    void theTtlMustOutlastTheSuspectTime(long suspectMillis, long ttlMillis) {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> new LivenessRule(Duration.ofMillis(suspectMillis), Duration.ofMillis(ttlMillis)));
        assertEquals(1, error.getMessage().lines().count());
    }

    private static Instant at(double seconds) {
        return START.plusMillis(Math.round(seconds * 1000));
    }
}
