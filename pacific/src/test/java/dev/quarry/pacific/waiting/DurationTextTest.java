package dev.quarry.pacific.waiting;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DurationTextTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource({"250ms, PT0.25S, 250ms", "90s, PT1M30S, 90s", "5m, PT5M, 5m", "2h, PT2H, 2h", "60s, PT1M, 1m"})
    void parsesAndFormats(String text, String iso, String formatted) {
        assertEquals(Optional.of(Duration.parse(iso)), DurationText.parse(text));
        assertEquals(formatted, DurationText.format(Duration.parse(iso)));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"5 min", "-1s", "1.5m", "s", "10d"})
    void refusesWhatIsNotADuration(String text) {
        assertEquals(Optional.empty(), DurationText.parse(text));
    }
}
