package dev.quarry.pacific.digitalocean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.quarry.pacific.fakes.CapturedLogs;
import java.util.List;

/** Asserts the API token is in no log line and no message, and that every failure message is one line. */
final class NoTokenLeaks {
    private NoTokenLeaks() {}

    static void assertNoLogLineHasToken() {
        List<String> leaking = CapturedLogs.lines().stream()
                .filter(line -> line.contains(StandInFixture.TOKEN) || line.contains("dop_v1_"))
                .toList();
        assertEquals(List.of(), leaking);
    }

    static void assertCleanMessage(String message) {
        assertFalse(message.contains(StandInFixture.TOKEN), message);
        assertFalse(message.contains("dop_v1_"), message);
        assertFalse(message.contains("\n"), "one line: " + message);
        assertFalse(message.contains("\r"), "one line: " + message);
    }
}
