package dev.quarry.pacific.waiting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BackoffTest {
    @Test
    void pausesDoubleUpToTheMaximum() {
        List<Long> seconds = IntStream.rangeClosed(1, 8)
                .mapToObj(failed -> Backoff.DEFAULT.pauseAfter(failed).toSeconds()).toList();

        assertEquals(List.of(1L, 2L, 4L, 8L, 16L, 30L, 30L, 30L), seconds);
    }

    @Test
    void triesAreBounded() {
        Backoff backoff = new Backoff(Duration.ofMillis(10), Duration.ofSeconds(1), 3);

        assertTrue(backoff.allowsAnotherAfter(2));
        assertFalse(backoff.allowsAnotherAfter(3));
    }
}
