package dev.quarry.hq.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Where new log lines start, when the agent answers its last lines again. */
class LogFollowerTest {
    @Test
    void newLinesStartAfterTheLastOnesPrinted() {
        assertEquals(3, LogFollower.newFrom(List.of("a", "b", "c"), List.of("a", "b", "c", "d", "e")));
        assertEquals(2, LogFollower.newFrom(List.of("a", "b", "c"), List.of("b", "c", "d")));
    }

    @Test
    void repeatedLinesAreMatchedByTheirNeighbours() {
        assertEquals(4, LogFollower.newFrom(List.of("x", "ok", "ok"), List.of("ok", "x", "ok", "ok", "ok")));
    }

    @Test
    void everythingIsNewWhenNothingWasPrintedOrTheOldLinesRolledAway() {
        assertEquals(0, LogFollower.newFrom(List.of(), List.of("a")));
        assertEquals(0, LogFollower.newFrom(List.of("gone"), List.of("a", "b")));
        assertEquals(2, LogFollower.newFrom(List.of("a", "b"), List.of("a", "b")));
    }
}
