package dev.quarry.pacific.waiting;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.quarry.pacific.fakes.ClockSleeper;
import dev.quarry.pacific.fakes.ManualClock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Polling with a fake clock: no real waiting, exact pauses. */
class PollerTest {
    private final ManualClock clock = new ManualClock();
    private final ClockSleeper sleeper = new ClockSleeper(clock);
    private final Poller poller = sleeper.poller();

    @Test
    void looksUntilAnAnswerComes() throws Exception {
        AtomicInteger looks = new AtomicInteger();

        Optional<String> answer = poller.poll(Duration.ofMinutes(1), Duration.ofSeconds(5),
                () -> looks.incrementAndGet() == 3 ? Optional.of("ready") : Optional.empty());

        assertEquals(Optional.of("ready"), answer);
        assertEquals(List.of(Duration.ofSeconds(5), Duration.ofSeconds(5)), sleeper.pauses());
    }

    @Test
    void givesUpAtTheDeadlineAfterALastLookThere() throws Exception {
        AtomicInteger looks = new AtomicInteger();

        Optional<String> answer = poller.poll(Duration.ofSeconds(12), Duration.ofSeconds(5), () -> {
            looks.incrementAndGet();
            return Optional.empty();
        });

        assertEquals(Optional.empty(), answer);
        assertEquals(List.of(Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(2)), sleeper.pauses());
        assertEquals(4, looks.get());
    }
}
