package dev.quarry.hq.liveness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The watch carries heartbeat answers and its clock to the rule: s1 answers, s2 does not. */
class LivenessWatchTest {
    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void aServerThatAnswersStaysUpAndOneThatDoesNotIsSuspectThenDown() throws Exception {
        MovableClock clock = new MovableClock(START);
        Map<String, AtomicInteger> beats = new ConcurrentHashMap<>(Map.of("s1", new AtomicInteger(),
                "s2", new AtomicInteger()));
        LivenessWatch.Heartbeat heartbeat = id -> {
            beats.get(id).incrementAndGet();
            if (id.equals("s2")) {
                throw new IllegalStateException("agent 127.0.0.3:2200 did not answer: connection refused");
            }
        };
        try (LivenessWatch watch = new LivenessWatch(LivenessRule.DEFAULT, clock, heartbeat, Duration.ofMillis(5))) {
            watch.watch(Set.of("s1", "s2"));
            awaitBeats(beats, 2);

            clock.advance(Duration.ofSeconds(3));
            awaitBeats(beats, beats.get("s1").get() + 2);
            watch.tick();
            ServerState s2AfterThree = watch.of("s2").orElseThrow().state();
            clock.advance(Duration.ofSeconds(8));
            awaitBeats(beats, beats.get("s1").get() + 2);
            watch.tick();

            assertEquals(ServerState.SUSPECT, s2AfterThree);
            assertEquals(ServerState.UP, watch.of("s1").orElseThrow().state());
            assertEquals(new Liveness(ServerState.DOWN, START.plusSeconds(10), START), watch.of("s2").orElseThrow());
            assertEquals(Optional.of("agent 127.0.0.3:2200 did not answer: connection refused"), watch.failure("s2"));
            assertEquals(Optional.empty(), watch.failure("s1"));

            watch.watch(Set.of("s1"));
            assertTrue(watch.of("s2").isEmpty(), "a server no longer in the grid is no longer watched");
        }
    }

    /**
     * Waits until both servers got at least {@code count} heartbeats; two beats after the clock moved, s1's
     * answer at the new time is recorded (each beat records its answer before the next one starts).
     */
    private static void awaitBeats(Map<String, AtomicInteger> beats, int count) throws InterruptedException {
        while (beats.values().stream().anyMatch(beat -> beat.get() < count)) {
            Thread.sleep(5);
        }
    }

    private static final class MovableClock extends Clock {
        private volatile Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
