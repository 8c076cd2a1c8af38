package dev.quarry.slicegrid.persistence;

import static dev.quarry.slicegrid.Fixtures.block;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.slicegrid.Fixtures;
import dev.quarry.slicegrid.GridOptions;
import dev.quarry.slicegrid.GridSnapshot;
import dev.quarry.slicegrid.SliceGrid;
import dev.quarry.slicegrid.model.BlockState;
import dev.quarry.slicegrid.model.Resources;
import dev.quarry.slicegrid.model.Slice;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GridFileTest {
    @TempDir
    Path directory;

    private GridSnapshot sample() {
        SliceGrid grid = SliceGrid.create(new GridOptions(1, 10, true, Fixtures.SERVER));
        grid.addBlock(block("s1", 8192, 4000, "ssd"));
        grid.addBlock(block("s2", 4096, 2000));
        grid.place(new Slice("shop/db.1", "shop/db", new Resources(2048, 1000), Set.of("ssd")));
        grid.place(new Slice("shop/web.1", "shop/web", new Resources(512, 250), Set.of()));
        grid.place(new Slice("shop/web.2", "shop/web", new Resources(512, 250), Set.of()));
        grid.setState("s2", BlockState.DRAINING);
        grid.place(new Slice("big", "big", new Resources(16000, 100), Set.of()));
        return grid.snapshot();
    }

    @Test
    void roundTrips() throws IOException {
        Path file = directory.resolve("grid.json");
        GridSnapshot snapshot = sample();
        GridFile.write(file, snapshot);
        assertEquals(snapshot, GridFile.read(file));
        assertEquals(1, snapshot.pendingCreates());
    }

    @Test
    void replacesTheOldFileAndLeavesNoTemporaryFiles() throws IOException {
        Path file = directory.resolve("grid.json");
        Files.writeString(file, "old");
        GridFile.write(file, sample());
        assertEquals(sample(), GridFile.read(file));
        try (Stream<Path> files = Files.list(directory)) {
            assertEquals(1, files.count());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{ not json",
        "",
        "[]",
        "{\"version\": 1, \"options\": {\"min\": 0, \"max\": 2, \"autosize\": false, \"newBlockMemoryMiB\": 8192, \"newBlockCpuMillicores\": 4000}, \"pendingCreates\": 0, \"blocks\": [{\"id\": \"s1\", \"memoryMiB\": -5, \"cpuMillicores\": 4000, \"tags\": [], \"state\": \"READY\", \"slices\": []}]}",
        "{\"version\": 2, \"options\": null, \"pendingCreates\": 0, \"blocks\": []}",
        "{\"version\": 1, \"options\": {\"min\": 3, \"max\": 2, \"autosize\": false, \"newBlockMemoryMiB\": 8192, \"newBlockCpuMillicores\": 4000}, \"pendingCreates\": 0, \"blocks\": []}",
        "{\"version\": 1, \"surprise\": true}"
    })
    void refusesACorruptFileByNameAndLeavesIt(String content) throws IOException {
        Path file = directory.resolve("grid.json");
        Files.writeString(file, content);
        byte[] before = Files.readAllBytes(file);
        GridFileException refused = assertThrows(GridFileException.class, () -> GridFile.read(file));
        assertTrue(refused.getMessage().startsWith(file + ": "), refused.getMessage());
        assertTrue(refused.getMessage().endsWith("; the file was left as it is"), refused.getMessage());
        assertArrayEquals(before, Files.readAllBytes(file));
    }

    @Test
    void namesTheKeyPathOfAnInvalidValue() throws IOException {
        Path file = directory.resolve("grid.json");
        Files.writeString(file, "{\"version\": 1, \"options\": {\"min\": 0, \"max\": 2, \"autosize\": false, \"newBlockMemoryMiB\": 8192,"
                + " \"newBlockCpuMillicores\": 4000}, \"pendingCreates\": 0, \"blocks\": [{\"id\": \"s1\", \"memoryMiB\": 8192,"
                + " \"cpuMillicores\": 0, \"tags\": [], \"state\": \"READY\", \"slices\": []}]}", StandardCharsets.UTF_8);
        GridFileException refused = assertThrows(GridFileException.class, () -> GridFile.read(file));
        assertEquals(file + ": blocks[0]: block s1 must have some memory and cpu, got 8192M,0m; the file was left as it is", refused.getMessage());
    }
}
