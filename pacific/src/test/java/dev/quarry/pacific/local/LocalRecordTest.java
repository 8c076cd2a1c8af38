package dev.quarry.pacific.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.quarry.pacific.provider.CloudFailure;
import dev.quarry.pacific.provider.ServerSize;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** servers/local-N/local.json: written atomically, read back the same, refused with a clear line when damaged. */
class LocalRecordTest {
    private static final LocalServer SERVER = new LocalServer(
            new LocalAllocation(4, "127.0.0.5", 10300, new PortRange(10301, 10399)), ServerSize.of(2048, 1500),
            Set.of("ssd", "gpu"), Optional.of(new LaunchedAgent(4242, Instant.parse("2026-01-01T10:00:00.12Z"))));

    @TempDir
    Path home;

    @Test
    void aRecordIsReadBackAsItWasWrittenAndNoTemporaryFileIsLeft() throws Exception {
        LocalLedger ledger = new LocalLedger(home);

        ledger.write(SERVER);
        ledger.write(SERVER.withSize(ServerSize.of(4096, 1500)));

        assertEquals(List.of(SERVER.withSize(ServerSize.of(4096, 1500))), ledger.all());
        try (Stream<Path> files = Files.list(home.resolve("servers/local-4"))) {
            assertEquals(List.of("local.json"), files.map(path -> path.getFileName().toString()).toList());
        }
        String json = Files.readString(home.resolve("servers/local-4/local.json"));
        assertEquals(true, json.contains("\"ports\" : \"10301-10399\""), json);
    }

    @Test
    void aDamagedRecordIsRefusedWithWhatToDo() throws Exception {
        Path record = home.resolve("servers/local-2/local.json");
        Files.createDirectories(record.getParent());
        Files.writeString(record, "{\"number\": 2}");

        CloudFailure failure = assertThrows(CloudFailure.class, () -> new LocalLedger(home).all());

        assertEquals("pacific: " + record + " is damaged (ports must be a string); remove the folder "
                + record.getParent() + " once its agent is stopped", failure.getMessage());
    }

    @Test
    void forgetRemovesTheWholeFolder() throws Exception {
        LocalLedger ledger = new LocalLedger(home);
        ledger.write(SERVER);
        Files.createDirectories(ledger.agentHome("local-4").resolve("sources/shop"));
        Files.writeString(ledger.log("local-4"), "started\n");

        ledger.forget("local-4");

        assertEquals(false, Files.exists(home.resolve("servers/local-4")));
        assertEquals(List.of(), ledger.all());
    }
}
