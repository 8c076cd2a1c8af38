package dev.quarry.agent.liveness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.agent.health.ProbeResult;
import dev.quarry.agent.runtime.ContainerPhase;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The liveness rule as a pure state machine: probe results in, phases out. */
class LivenessTrackerTest {
    private static final LivenessPlan PLAN = new LivenessPlan("/up", Duration.ofSeconds(1), Duration.ofSeconds(10),
            Duration.ofSeconds(2), 3, Duration.ofSeconds(60));
    private static final Duration EARLY = Duration.ofSeconds(1);
    private static final ProbeResult PASS = new ProbeResult(true, "HTTP 200", true);
    private static final ProbeResult ERROR = new ProbeResult(false, "HTTP 500", true);
    private static final ProbeResult REFUSED = new ProbeResult(false, "connection refused", false);

    /** Each letter a probe: P passes, E answers 500, R is refused; the phase after the last one. */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "R, BOOTING",
        "RE, WARMING",
        "REEEEE, WARMING",
        "REP, UP",
        "PE, UP",
        "PEE, UP",
        "PEEE, UNHEALTHY",
        "PEEPEE, UP",
        "PRRR, UNHEALTHY",
        "PEEEP, UNHEALTHY"})
    void phasesFollowTheProbes(String probes, ContainerPhase expected) {
        LivenessTracker tracker = new LivenessTracker(PLAN, false);

        probes.chars().forEach(letter -> tracker.record(switch (letter) {
            case 'P' -> PASS;
            case 'E' -> ERROR;
            default -> REFUSED;
        }, EARLY));

        assertEquals(expected, tracker.phase());
    }

    @Test
    void unhealthyIsToldOnceAndSaysWhy() {
        LivenessTracker tracker = new LivenessTracker(PLAN, true);

        assertFalse(tracker.record(ERROR, EARLY));
        assertFalse(tracker.record(ERROR, EARLY));
        assertTrue(tracker.record(ERROR, EARLY), "the third failure in a row makes it unhealthy");
        assertFalse(tracker.record(ERROR, EARLY), "told once");
        assertEquals("failed its liveness probe (GET /up) 3 times in a row; last: HTTP 500",
                tracker.unhealthyReason("HTTP 500"));
    }

    @Test
    void oneThatNeverGetsUpIsUnhealthyPastItsDeadline() {
        LivenessTracker tracker = new LivenessTracker(PLAN, false);

        assertFalse(tracker.record(ERROR, Duration.ofSeconds(59)));
        assertTrue(tracker.record(ERROR, Duration.ofSeconds(60)));
        assertEquals(ContainerPhase.UNHEALTHY, tracker.phase());
        assertTrue(tracker.unhealthyReason("HTTP 500").startsWith("not healthy within 60000 ms of its start"),
                tracker.unhealthyReason("HTTP 500"));
    }

    @Test
    void withoutADeadlineOneThatNeverListensIsLeftAlone() {
        LivenessPlan portOnly = new LivenessPlan(null, Duration.ofMillis(250), Duration.ofSeconds(10),
                Duration.ofSeconds(2), 3, null);
        LivenessTracker tracker = new LivenessTracker(portOnly, false);

        assertFalse(tracker.record(REFUSED, Duration.ofHours(1)));
        assertEquals(ContainerPhase.BOOTING, tracker.phase());
    }

    @Test
    void aPassedHealthCheckMakesItUpAndTheNextDelayTheLivenessInterval() {
        LivenessTracker tracker = new LivenessTracker(PLAN, false);
        assertEquals(Duration.ofSeconds(1), tracker.nextDelay(), "the health interval while it warms");

        tracker.passed();

        assertEquals(ContainerPhase.UP, tracker.phase());
        assertEquals(Duration.ofSeconds(10), tracker.nextDelay());
    }
}
