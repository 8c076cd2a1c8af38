package dev.quarry.slicegrid.picture;

import static dev.quarry.slicegrid.Fixtures.block;
import static dev.quarry.slicegrid.Fixtures.slice;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.quarry.slicegrid.BlockLoad;
import dev.quarry.slicegrid.Fixtures;
import dev.quarry.slicegrid.GridOptions;
import dev.quarry.slicegrid.GridSnapshot;
import dev.quarry.slicegrid.SliceGrid;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class GridPictureTest {
    private GridSnapshot twoServers() {
        return new GridSnapshot(new GridOptions(0, 10, false, Fixtures.SERVER), List.of(
                new BlockLoad(block("s1", 8192, 4000), List.of(slice("a", 6144, 1000))),
                new BlockLoad(block("s2", 8192, 4000), List.of(slice("b", 1024, 3000)))), 0);
    }

    @Test
    void drawsServersAsColumnsFilledByUse() {
        String expected = """
                2 servers (2 in use), 2 slices; left half memory, right half cpu; under each: m used/free, c
                used/free (cores)

                ------   ------
                |    |   |    |
                |##  |   |  ##|
                |##  |   |  ##|
                |##  |   |  ##|
                |####|   |  ##|
                |####|   |####|
                ------   ------
                s1       s2
                m 6G/2G  m 1G/7G
                c 1/3    c 3/1
                """;
        assertEquals(expected, GridPicture.render(twoServers(), 92));
    }

    @Test
    void wrapsColumnsIntoRowsToFitTheWidth() {
        SliceGrid grid = SliceGrid.create(new GridOptions(0, 30, false, Fixtures.SERVER));
        for (int index = 0; index < 12; index++) {
            grid.addBlock(block("server-" + index, 8192, 4000));
        }
        String picture = GridPicture.render(grid.snapshot(), 40);
        assertTrue(picture.lines().allMatch(line -> line.length() <= 40), picture);
        assertEquals(4, picture.lines().filter(line -> line.startsWith("server-")).count(), picture);
    }

    @Test
    void jsonHasUsedAndFreePerServer() throws IOException {
        JsonNode json = new ObjectMapper().readTree(GridJson.render(twoServers()));
        assertEquals(2, json.get("servers").asInt());
        JsonNode first = json.get("blocks").get(0);
        assertEquals("s1", first.get("id").asText());
        assertEquals(6144, first.get("used").get("memoryMiB").asInt());
        assertEquals(2048, first.get("free").get("memoryMiB").asInt());
        assertEquals("a", first.get("slices").get(0).get("id").asText());
    }
}
