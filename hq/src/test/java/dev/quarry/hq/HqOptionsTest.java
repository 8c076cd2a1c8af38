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
    void theDashboardListensWhereToldAndABadAddressIsOneLine() {
        assertEquals(Optional.of(new InetSocketAddress("127.0.0.1", 8090)),
                HqMain.parse(List.of("--dashboard", "127.0.0.1:8090")).dashboard());
        assertEquals(Optional.empty(), HqMain.parse(List.of()).dashboard());
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> HqMain.parse(List.of("--dashboard", "8090")));
        assertEquals("--dashboard 8090: give ADDR:PORT, such as 127.0.0.1:8090", error.getMessage());
    }

    @Test
    void unknownArgumentsAreRefused() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> HqMain.parse(List.of("--port", "22")));
        assertEquals("unknown argument --port; usage: hq [--home DIR] [--listen ADDR:PORT] [--etcd URL] [--dashboard ADDR:PORT]"
                + " [--router ADDR:PORT [--provider embedded|local|digitalocean] [--min-servers N] [--max-servers N]"
                + " [--server-size MEM,CPU] [--drain-grace DURATION] [--server-ttl DURATION] [--replace-after DURATION]"
                + " [--https ADDR:PORT]]",
                error.getMessage());
    }

    @Test
    void gridOptionsChooseTheProviderTheLimitsAndTheSizeOfANewServer() {
        dev.quarry.hq.grid.GridSettings grid = HqMain.parse(List.of("--router", "127.0.0.1:8080", "--provider",
                "local", "--min-servers", "1", "--max-servers", "3", "--server-size", "2G,1")).grid().orElseThrow();

        assertEquals(dev.quarry.hq.grid.ServerSource.LOCAL, grid.source());
        assertEquals(1, grid.localServers());
        assertEquals(3, grid.maxServers());
        assertEquals(dev.quarry.slicegrid.model.Resources.of(2048, 1000), grid.localCapacity());
        assertEquals(dev.quarry.hq.grid.ServerSource.EMBEDDED, HqMain.parse(List.of("--router", "127.0.0.1:8080",
                "--local-servers", "2")).grid().orElseThrow().source());
    }

    @Test
    void theRouterListensForHttpsOnlyWhenGivenAnAddress() {
        assertEquals(java.util.Optional.empty(), HqMain.parse(List.of("--router", "127.0.0.1:8080"))
                .grid().orElseThrow().router().https());
        assertEquals(java.util.Optional.of(new dev.quarry.router.model.Endpoint("127.0.0.1", 8443)),
                HqMain.parse(List.of("--router", "127.0.0.1:8080", "--https", "127.0.0.1:8443"))
                        .grid().orElseThrow().router().https());
        assertEquals("--https 127.0.0.1:0: give the IPv4 address and port the router listens on for HTTPS, such as"
                + " 0.0.0.0:443 or 127.0.0.1:8443", assertThrows(IllegalArgumentException.class,
                        () -> HqMain.parse(List.of("--router", "127.0.0.1:8080", "--https", "127.0.0.1:0")))
                        .getMessage());
    }

    @Test
    void theServerTtlIsTenSecondsUnlessGiven() {
        assertEquals(java.time.Duration.ofSeconds(10), HqMain.parse(List.of("--router", "127.0.0.1:8080"))
                .grid().orElseThrow().serverTtl());
        assertEquals(java.time.Duration.ofSeconds(3), HqMain.parse(List.of("--router", "127.0.0.1:8080",
                "--server-ttl", "3s")).grid().orElseThrow().serverTtl());
        assertEquals("--server-ttl 500ms: give at least 1s (the default is 10s); a server is suspect after 2s without"
                + " an answer and down after the TTL", assertThrows(IllegalArgumentException.class,
                        () -> HqMain.parse(List.of("--router", "127.0.0.1:8080", "--server-ttl", "500ms")))
                        .getMessage());
        assertEquals(java.time.Duration.ofMinutes(5), HqMain.parse(List.of("--router", "127.0.0.1:8080"))
                .grid().orElseThrow().replaceAfter());
        assertEquals(java.time.Duration.ofSeconds(90), HqMain.parse(List.of("--router", "127.0.0.1:8080",
                "--replace-after", "90s")).grid().orElseThrow().replaceAfter());
    }

    @ParameterizedTest
    @ValueSource(strings = {"--provider=aws", "--server-size=2T,1", "--server-size=0M,1", "--min-servers=3",
        "--drain-grace=soon", "--server-ttl=10", "--server-ttl=500ms", "--server-ttl=-1s", "--replace-after=0s",
        "--replace-after=5"})
    void badGridOptionsAreOneLineErrorsNamingTheOption(String option) {
        String[] parts = option.split("=");
        List<String> words = new java.util.ArrayList<>(List.of("--router", "127.0.0.1:8080", "--max-servers", "2"));
        words.addAll(List.of(parts[0], parts[1]));
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> HqMain.parse(words));
        assertTrue(error.getMessage().startsWith(parts[0]) || error.getMessage().contains(parts[0]),
                error.getMessage());
        assertTrue(!error.getMessage().contains("\n"), error.getMessage());
    }

    @Test
    void gridOptionsWithoutARouterAreRefused() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> HqMain.parse(List.of("--provider", "local")));
        assertTrue(error.getMessage().endsWith("need --router ADDR:PORT, where the router listens"), error.getMessage());
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
