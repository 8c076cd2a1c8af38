package dev.quarry.hq.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.quarry.slicegrid.BlockLoad;
import dev.quarry.slicegrid.GridOptions;
import dev.quarry.slicegrid.GridSnapshot;
import dev.quarry.slicegrid.model.Block;
import dev.quarry.slicegrid.model.BlockState;
import dev.quarry.slicegrid.model.Resources;
import dev.quarry.slicegrid.model.Slice;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** {@code grid consolidate --dry-run}: the budgeted moves on the grid as it is, and what they would free. */
class ConsolidationPreviewTest {
    private static final Resources SERVER = new Resources(1024, 1000);

    @Test
    void aFragmentedGridShowsTheMovesWithinFivePercentOfItsContainers() {
        List<BlockLoad> loads = new ArrayList<>();
        for (int server = 1; server <= 4; server++) {
            List<Slice> slices = new ArrayList<>();
            for (int container = 1; container <= (server == 1 ? 17 : 1); container++) {
                slices.add(new Slice("app" + server + ".web." + container + ".1", "app" + server + ".web." + container,
                        new Resources(16, 10), Set.of()));
            }
            loads.add(new BlockLoad(new Block("s" + server, SERVER, Set.of(), BlockState.READY), slices));
        }
        GridSnapshot fragmented = new GridSnapshot(new GridOptions(1, 8, false, SERVER), loads, 0);

        List<String> lines = ConsolidationPreview.lines(fragmented);

        assertEquals(2, lines.size(), String.join("\n", lines));
        assertEquals(true, lines.getFirst().matches("move app[2-4]\\.web\\.1\\.1 from s[2-4] to s[1-4]"), lines.getFirst());
        assertEquals("would free 1 of 4 servers with 1 moves (budget 1, 5% of 20 containers); dry run: nothing was moved",
                lines.getLast());
    }

    @Test
    void aPackedGridHasNothingToDo() {
        GridSnapshot packed = new GridSnapshot(new GridOptions(1, 8, false, SERVER), List.of(new BlockLoad(
                new Block("s1", SERVER, Set.of(), BlockState.READY), List.of(new Slice("shop.web.1.1", "shop.web",
                        new Resources(256, 100), Set.of())))), 0);

        assertEquals(List.of("nothing to do: no server of 1 can be emptied within 1 moves (5% of 1 containers)"),
                ConsolidationPreview.lines(packed));
    }
}
