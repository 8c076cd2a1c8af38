package dev.quarry.agent.supervise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.compiler.spec.RestartPolicy;
import dev.quarry.compiler.spec.RestartSpec;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The restart policy as a pure function of the exit, the row of restarts and the time up. */
class RestartRuleTest {
    private static final Duration SHORT = Duration.ofSeconds(3);

    @ParameterizedTest(name = "after {0} restarts in a row the wait is {1} ms")
    @CsvSource({"0, 100", "1, 200", "2, 400", "3, 800", "11, 204800", "12, 300000", "40, 300000"})
    void theBackoffDoublesAndIsCappedAtFiveMinutes(int inARow, long millis) {
        RestartSpec spec = new RestartSpec(RestartPolicy.ALWAYS, 0, Duration.ofMillis(100));

        RestartDecision decision = RestartRule.decide(spec, 1, inARow, SHORT);

        assertTrue(decision.restart());
        assertEquals(Duration.ofMillis(millis), decision.delay());
        assertEquals(inARow + 1, decision.inARow());
    }

    @Test
    void tenMinutesUpStartsAFreshRow() {
        RestartSpec spec = new RestartSpec(RestartPolicy.ALWAYS, 3, Duration.ofSeconds(1));

        RestartDecision decision = RestartRule.decide(spec, 1, 3, Duration.ofMinutes(10));

        assertTrue(decision.restart(), "max counts restarts in a row; a long run resets it");
        assertEquals(Duration.ofSeconds(1), decision.delay());
        assertEquals(1, decision.inARow());
    }

    @Test
    void maxStopsARowOfRestarts() {
        RestartSpec spec = new RestartSpec(RestartPolicy.ON_FAILURE, 3, Duration.ofSeconds(1));

        RestartDecision decision = RestartRule.decide(spec, 2, 3, SHORT);

        assertFalse(decision.restart());
        assertEquals("exited with status 2; gave up after 3 restarts in a row (restart max 3)", decision.reason());
    }

    @ParameterizedTest(name = "{0} with exit {1}: restart {2}")
    @CsvSource({"ALWAYS, 0, true", "ALWAYS, 1, true", "ON_FAILURE, 0, false", "ON_FAILURE, 137, true",
            "NEVER, 0, false", "NEVER, 1, false"})
    void thePolicyDecidesByTheExitStatus(RestartPolicy policy, int exitCode, boolean restarts) {
        RestartSpec spec = new RestartSpec(policy, 0, Duration.ofSeconds(1));

        assertEquals(restarts, RestartRule.decide(spec, exitCode, 0, SHORT).restart());
    }

    @Test
    void anUnknownExitCountsAsAFailure() {
        RestartSpec spec = new RestartSpec(RestartPolicy.ON_FAILURE, 0, Duration.ofSeconds(1));

        RestartDecision decision = RestartRule.decide(spec, null, 0, SHORT);

        assertTrue(decision.restart());
        assertEquals("exited (status unknown); restart 1 in a row after 1000 ms", decision.reason());
    }

    @Test
    void aLivenessFailureRestartsUnderOnFailureAndNotUnderNever() {
        String why = "stopped: failed its liveness probe";

        RestartDecision onFailure = RestartRule.decideFailure(
                new RestartSpec(RestartPolicy.ON_FAILURE, 0, Duration.ofSeconds(1)), why, 0, SHORT);
        RestartDecision never = RestartRule.decideFailure(
                new RestartSpec(RestartPolicy.NEVER, 0, Duration.ofSeconds(1)), why, 0, SHORT);
        RestartDecision pastMax = RestartRule.decideFailure(
                new RestartSpec(RestartPolicy.ALWAYS, 2, Duration.ofSeconds(1)), why, 2, SHORT);

        assertTrue(onFailure.restart());
        assertEquals(why + "; restart 1 in a row after 1000 ms", onFailure.reason());
        assertFalse(never.restart());
        assertEquals(why + "; restart policy never", never.reason());
        assertFalse(pastMax.restart());
        assertEquals(why + "; gave up after 2 restarts in a row (restart max 2)", pastMax.reason());
    }
}
