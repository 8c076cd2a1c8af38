package dev.quarry.slicegrid;

import static dev.quarry.slicegrid.Fixtures.block;
import static dev.quarry.slicegrid.Fixtures.replica;
import static dev.quarry.slicegrid.Fixtures.slice;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.slicegrid.model.BlockState;
import dev.quarry.slicegrid.model.Resources;
import dev.quarry.slicegrid.placement.Placement;
import dev.quarry.slicegrid.placement.Placers;
import java.util.List;
import org.junit.jupiter.api.Test;

class SliceGridTest {
    private final Fixtures.Recorder recorder = new Fixtures.Recorder();

    private SliceGrid grid(int min, int max) {
        SliceGrid grid = SliceGrid.create(new GridOptions(min, max, false, Fixtures.SERVER));
        grid.addListener(recorder);
        return grid;
    }

    @Test
    void placesOnTheTightestBlockAndSaysSo() {
        SliceGrid grid = grid(0, 10);
        grid.addBlock(block("roomy", 8192, 4000));
        grid.addBlock(block("snug", 1024, 1000));
        Placement placement = grid.place(slice("web.1", 900, 800));
        assertEquals("snug", assertInstanceOf(Placement.OnBlock.class, placement).block().id());
        assertEquals(List.of("added web.1 (900M,800m) to server snug"), recorder.events.stream().map(GridEvent::describe).toList());
    }

    @Test
    void asksForANewBlockWhenFullAndBelowMax() {
        SliceGrid grid = grid(0, 2);
        grid.addBlock(block("s1", 1024, 1000));
        Placement placement = grid.place(slice("db", 4096, 500, "ssd"));
        var needed = assertInstanceOf(Placement.NeedsNewBlock.class, placement);
        assertEquals(Fixtures.SERVER, needed.capacity());
        assertEquals("the grid is full: a new server of 8192M,4000m with tags ssd is needed", needed.describe());
        assertEquals("the grid is full: create a server of 8192M,4000m with tags ssd for db",
                recorder.of(GridEvent.Create.class).getFirst().describe());
    }

    @Test
    void asksForABiggerBlockThanUsualWhenOneSliceNeedsIt() {
        SliceGrid grid = grid(0, 2);
        var needed = assertInstanceOf(Placement.NeedsNewBlock.class, grid.place(slice("big", 16384, 1000)));
        assertEquals(new Resources(16384, 4000), needed.capacity());
    }

    @Test
    void refusesAtMaxCountingTheReasons() {
        SliceGrid grid = grid(0, 12);
        for (int index = 1; index <= 9; index++) {
            grid.addBlock(block("m" + index, 256, 4000, "ssd"));
        }
        for (int index = 1; index <= 3; index++) {
            grid.addBlock(block("t" + index, 8192, 4000));
        }
        Placement placement = grid.place(slice("db", 512, 100, "ssd"));
        assertEquals("0 of 12 servers fit: 9 short of memory, 3 lack tag ssd; the grid has reached its maximum of 12 servers",
                assertInstanceOf(Placement.Refused.class, placement).describe());
        assertTrue(recorder.of(GridEvent.Create.class).isEmpty());
    }

    @Test
    void pendingCreatesCountTowardsMax() {
        SliceGrid grid = grid(0, 1);
        assertInstanceOf(Placement.NeedsNewBlock.class, grid.place(slice("a", 100, 100)));
        var refused = assertInstanceOf(Placement.Refused.class, grid.place(slice("b", 100, 100)));
        assertEquals("0 of 0 servers fit; the grid has reached its maximum of 1 server (1 being created)", refused.describe());
        grid.addBlock(block("s1", 8192, 4000));
        assertInstanceOf(Placement.OnBlock.class, grid.place(slice("a", 100, 100)));
    }

    @Test
    void removingTheLastSliceAboveMinDestroysTheBlock() {
        SliceGrid grid = grid(1, 5);
        grid.addBlock(block("s1", 8192, 4000));
        grid.addBlock(block("s2", 1024, 1000));
        grid.place(slice("a", 1000, 900));
        grid.place(slice("b", 5000, 900));
        recorder.clear();
        grid.remove("a");
        assertEquals(List.of("removed a (1000M,900m) from server s2", "server s2 is empty: destroy it"),
                recorder.events.stream().map(GridEvent::describe).toList());
        recorder.clear();
        grid.remove("b");
        assertEquals(List.of("removed b (5000M,900m) from server s1"), recorder.events.stream().map(GridEvent::describe).toList());
        assertEquals(1, grid.blockCount());
    }

    @Test
    void replicasSpreadWhileRoomAllowsThenShare() {
        SliceGrid grid = grid(0, 5);
        grid.addBlock(block("s1", 8192, 4000));
        grid.addBlock(block("s2", 8192, 4000));
        String first = ((Placement.OnBlock) grid.place(replica("shop/web", 1, 1024, 500))).block().id();
        String second = ((Placement.OnBlock) grid.place(replica("shop/web", 2, 1024, 500))).block().id();
        String third = ((Placement.OnBlock) grid.place(replica("shop/web", 3, 1024, 500))).block().id();
        assertNotEquals(first, second);
        assertTrue(List.of("s1", "s2").contains(third));
    }

    @Test
    void drainingBlocksTakeNothingNew() {
        SliceGrid grid = grid(0, 1);
        grid.addBlock(block("s1", 8192, 4000));
        grid.setState("s1", BlockState.DRAINING);
        var refused = assertInstanceOf(Placement.Refused.class, grid.place(slice("a", 100, 100)));
        assertEquals("0 of 1 server fits: 1 draining; the grid has reached its maximum of 1 server", refused.describe());
    }

    @Test
    void autosizeAsksForConsolidationOnlyWhenBlocksCouldBeFreed() {
        List<BlockLoad> loose = List.of(new BlockLoad(block("s1", 8192, 4000), List.of(slice("a", 5000, 1000))),
                new BlockLoad(block("s2", 8192, 4000), List.of(slice("c", 1000, 1000))));
        List<BlockLoad> tight = List.of(new BlockLoad(block("s1", 8192, 4000), List.of(slice("a", 5000, 1000))),
                new BlockLoad(block("s2", 8192, 4000), List.of(slice("b", 5000, 1000))));
        GridOptions manual = new GridOptions(0, 5, false, Fixtures.SERVER);
        GridOptions automatic = new GridOptions(0, 5, true, Fixtures.SERVER);
        assertEquals(false, SliceGrid.restore(new GridSnapshot(manual, loose, 0), Placers.standard()).shouldConsolidate());
        assertEquals(true, SliceGrid.restore(new GridSnapshot(automatic, loose, 0), Placers.standard()).shouldConsolidate());
        assertEquals(false, SliceGrid.restore(new GridSnapshot(automatic, tight, 0), Placers.standard()).shouldConsolidate(),
                "two 5 GiB slices need two 8 GiB blocks");
    }

    @Test
    void aSliceIsPlacedOnlyOnce() {
        SliceGrid grid = grid(0, 2);
        grid.addBlock(block("s1", 8192, 4000));
        grid.place(slice("a", 100, 100));
        assertThrows(IllegalStateException.class, () -> grid.place(slice("a", 100, 100)));
    }

    @Test
    void restoreKeepsEverythingAndFiresNothing() {
        SliceGrid grid = grid(0, 4);
        grid.addBlock(block("s1", 8192, 4000, "ssd"));
        grid.place(slice("a", 100, 100, "ssd"));
        grid.place(slice("b", 8000, 100));
        SliceGrid restored = SliceGrid.restore(grid.snapshot(), Placers.standard());
        assertEquals(grid.snapshot(), restored.snapshot());
    }
}
