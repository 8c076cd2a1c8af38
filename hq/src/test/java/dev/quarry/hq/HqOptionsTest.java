package dev.quarry.hq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@SuppressWarnings("try") // the first HQ is held for its block, not used in it
class HqOptionsTest {
    @Test
    void theHomeComesFromTheFlagThenQuarryHomeThenTheUser() {
        assertEquals(Path.of("/srv/q"), QuarryHome.resolve(Optional.of("/srv/q"), Map.of("QUARRY_HOME", "/x"), "root",
                "/root").root());
        assertEquals(Path.of("/x"), QuarryHome.resolve(Optional.empty(), Map.of("QUARRY_HOME", "/x"), "root", "/root")
                .root());
        assertEquals(Path.of("/home/quarry"), QuarryHome.resolve(Optional.empty(), Map.of(), "root", "/root").root());
        assertEquals(Path.of("/home/ann/.quarry"), QuarryHome.resolve(Optional.empty(), Map.of(), "ann", "/home/ann")
                .root());
    }

    @Test
    void listenAddressesAreHostAndPort() {
        assertEquals(new InetSocketAddress("127.0.0.1", 2222), HqOptions.address("127.0.0.1:2222"));
        assertEquals(new InetSocketAddress("::1", 0), HqOptions.address("[::1]:0"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2222", "127.0.0.1", "127.0.0.1:", ":22", "127.0.0.1:99999", "127.0.0.1:ssh"})
    void badListenAddressesAreOneLineErrors(String text) {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> HqOptions.address(text));
        assertTrue(error.getMessage().startsWith("--listen " + text + ": "), error.getMessage());
    }

    @Test
    void unknownArgumentsAreRefused() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> HqMain.parse(List.of("--port", "22")));
        assertEquals("unknown argument --port; usage: hq [--home DIR] [--listen ADDR:PORT] [--router ADDR:PORT"
                + " [--local-servers N] [--max-servers N] [--drain-grace DURATION]]", error.getMessage());
    }

    @Test
    void aSecondHqOnTheSameHomeIsRefused(@TempDir Path root) throws Exception {
        HqOptions options = new HqOptions(new QuarryHome(root), new InetSocketAddress("127.0.0.1", 0));
        try (Hq first = Hq.start(options)) {
            IllegalStateException error = assertThrows(IllegalStateException.class, () -> Hq.start(options));
            assertTrue(error.getMessage().startsWith("another HQ already runs on " + root + " (pid "),
                    error.getMessage());
        }
        try (Hq again = Hq.start(options)) {
            assertTrue(again.port() > 0, "the home is free once the first HQ stopped");
        }
    }

    @Test
    void theHostKeyIsMadeOnceAndKept(@TempDir Path root) throws Exception {
        HqOptions options = new HqOptions(new QuarryHome(root), new InetSocketAddress("127.0.0.1", 0));
        String first;
        try (Hq hq = Hq.start(options)) {
            first = hq.hostKeyLine();
        }
        try (Hq hq = Hq.start(options)) {
            assertEquals(first, hq.hostKeyLine());
            assertEquals(first + "\n", java.nio.file.Files.readString(root.resolve("etc/hq_host_key.pub")));
        }
    }
}
