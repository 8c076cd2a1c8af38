package dev.quarry.slicegrid.consolidation;

import static dev.quarry.slicegrid.Fixtures.block;
import static dev.quarry.slicegrid.Fixtures.slice;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.slicegrid.BlockLoad;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MoveOrderingTest {
    /** Blocks 0 and 1 are full and must swap their slices; block 2 has room for one of them. */
    private static Packing swapWithRoomAside(int roomAside) {
        return Packing.of(List.of(
                new BlockLoad(block("a", 1000, 1000), List.of(slice("x", 600, 600), slice("y", 400, 400))),
                new BlockLoad(block("b", 1000, 1000), List.of(slice("z", 600, 600), slice("w", 400, 400))),
                new BlockLoad(block("c", 1000, 1000), List.of(slice("filler", 1000 - roomAside, 1000 - roomAside)))));
    }

    @Test
    void breaksASwapCycleWithADetour() {
        PackingState state = new PackingState(swapWithRoomAside(400));
        assertTrue(MoveOrdering.realize(state, Map.of(1, 1, 3, 0)));
        assertEquals(1, state.blockOf(1));
        assertEquals(0, state.blockOf(3));
        assertEquals(3, state.moveCount(), "one detour through c, then the two moves");
        ConsolidationTest.replayChecked(snapshotOf(swapWithRoomAside(400)), plan(state));
    }

    @Test
    void givesUpWhenNoBlockHasRoomForADetour() {
        PackingState state = new PackingState(swapWithRoomAside(100));
        assertFalse(MoveOrdering.realize(state, Map.of(1, 1, 3, 0)));
    }

    @Test
    void shortcutsCollapseChainsAndReplay() {
        Packing packing = swapWithRoomAside(400);
        PackingState state = new PackingState(packing);
        state.move(1, 2);
        state.move(3, 0);
        state.move(1, 1);
        int[] shorter = MoveShortcuts.shorten(packing, state.moves());
        assertArrayEquals(state.moves(), shorter, "y cannot go straight to b while w is still there");
        PackingState roundTrip = new PackingState(packing);
        roundTrip.move(1, 2);
        roundTrip.move(1, 0);
        assertEquals(0, MoveShortcuts.shorten(packing, roundTrip.moves()).length, "there and back again is no move");
    }

    static dev.quarry.slicegrid.GridSnapshot snapshotOf(Packing packing) {
        List<BlockLoad> loads = new java.util.ArrayList<>();
        for (int block = 0; block < packing.blockCount(); block++) {
            int current = block;
            loads.add(new BlockLoad(packing.block(block), java.util.stream.IntStream.range(0, packing.sliceCount())
                    .filter(slice -> packing.initialBlock(slice) == current).mapToObj(packing::slice).toList()));
        }
        return new dev.quarry.slicegrid.GridSnapshot(new dev.quarry.slicegrid.GridOptions(0, 10, false, dev.quarry.slicegrid.Fixtures.SERVER), loads, 0);
    }

    static ConsolidationPlan plan(PackingState state) {
        int[] triples = state.moves();
        List<Move> moves = new java.util.ArrayList<>();
        for (int index = 0; index < triples.length; index += 3) {
            moves.add(new Move(state.packing().slice(triples[index]).id(), state.packing().block(triples[index + 1]).id(),
                    state.packing().block(triples[index + 2]).id()));
        }
        int before = new PackingState(state.packing()).usedBlocks();
        return new ConsolidationPlan(moves, before, Math.min(before, state.usedBlocks()));
    }
}
