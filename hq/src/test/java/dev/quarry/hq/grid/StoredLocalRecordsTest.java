package dev.quarry.hq.grid;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.hq.state.FileStateStore;
import dev.quarry.pacific.local.LocalRecords;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The local provider's records in HQ's store: an id is claimed once, whichever HQ asks; a home's records from
 * before the store move in (and out of the home, so a server removed later is not found again).
 */
class StoredLocalRecordsTest {
    @TempDir
    Path root;

    @Test
    void anIdIsClaimedOnceAndRecordsFromAHomeMoveIn() throws Exception {
        LocalRecords home = LocalRecords.inFolder(root.resolve("home/servers"));
        home.write("local-1", bytes("one"));
        StoredLocalRecords first = new StoredLocalRecords(new FileStateStore(root.resolve("state")));
        first.importFrom(home);
        assertEquals(List.of(), home.ids(), "moved out of the home");
        assertTrue(Files.isDirectory(root.resolve("home/servers/local-1")), "the server's folder stays");

        StoredLocalRecords second = new StoredLocalRecords(new FileStateStore(root.resolve("state")));
        assertEquals(List.of("local-1"), second.ids());
        assertArrayEquals(bytes("one"), second.read("local-1").orElseThrow());
        assertFalse(second.claim("local-1", bytes("taken")), "another HQ has local-1");
        assertTrue(second.claim("local-2", bytes("two")));
        assertFalse(first.claim("local-2", bytes("again")));
        first.write("local-2", bytes("two, started"));
        assertArrayEquals(bytes("two, started"), second.read("local-2").orElseThrow());
        second.remove("local-1");
        assertEquals(List.of("local-2"), first.ids());
        assertEquals(Optional.empty(), first.read("local-1"));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
