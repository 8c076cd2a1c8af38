package dev.quarry.slicegrid.consolidation;

import static dev.quarry.slicegrid.Fixtures.block;
import static dev.quarry.slicegrid.Fixtures.replica;
import static dev.quarry.slicegrid.Fixtures.slice;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.slicegrid.BlockLoad;
import dev.quarry.slicegrid.Fixtures;
import dev.quarry.slicegrid.GridMeasure;
import dev.quarry.slicegrid.GridOptions;
import dev.quarry.slicegrid.GridSnapshot;
import dev.quarry.slicegrid.SliceGrid;
import dev.quarry.slicegrid.model.Block;
import dev.quarry.slicegrid.model.BlockState;
import dev.quarry.slicegrid.model.Resources;
import dev.quarry.slicegrid.model.Slice;
import dev.quarry.slicegrid.placement.Placers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The move-budgeted consolidator: property tests over random grids, then a few hand-made cases. */
class BudgetedConsolidationTest {
    private static final Duration TIME = Duration.ofSeconds(2);

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20})
    void randomGridsStayFeasibleWithinTheBudgetKeepingSpreadAndTags(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        GridSnapshot before = randomGrid(random);
        int budget = random.nextInt(40);
        SliceGrid grid = SliceGrid.restore(before, Placers.standard());
        ConsolidationPlan plan = grid.consolidate(Consolidators.budgeted(System::nanoTime, budget), TIME);

        assertTrue(plan.moves().size() <= budget, plan.moves().size() + " moves for a budget of " + budget);
        replayChecked(before, plan);
        grid.apply(plan);
        assertEquals(plan.blocksAfter(), GridMeasure.usedBlocks(grid.snapshot()));
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void aMessyGridShrinksWithFewMovesPerFreedBlock(long seed) {
        SliceGrid grid = ConsolidationTest.messyGrid(seed, 400);
        GridSnapshot before = grid.snapshot();
        ConsolidationPlan plan = grid.consolidate(Consolidators.budgeted(System::nanoTime, 20), TIME);
        replayChecked(before, plan);
        int freed = plan.blocksBefore() - plan.blocksAfter();
        assertTrue(freed > 0, plan.describe());
        assertTrue(plan.moves().size() <= 20, plan.describe());
        assertEquals(plan.moves().size(), plan.slicesMoved(), "no slice moves twice: " + plan.moves());
    }

    @Test
    void theCheapestBlockIsEmptiedFirst() {
        SliceGrid grid = grid(
                new BlockLoad(block("full", 8192, 4000), List.of(slice("a", 4000, 1000), slice("b", 2000, 1000))),
                new BlockLoad(block("three", 8192, 4000), List.of(slice("c", 300, 100), slice("d", 300, 100), slice("e", 300, 100))),
                new BlockLoad(block("one", 8192, 4000), List.of(slice("f", 1000, 500))));
        ConsolidationPlan plan = grid.consolidate(Consolidators.budgeted(System::nanoTime, 2), TIME);
        assertEquals(List.of(new Move("f", "one", "full")), plan.moves());
        assertEquals("1 moves of 1 slices free 1 blocks: 3 -> 2", plan.describe());
    }

    @Test
    void aBudgetTooSmallForAnyBlockGivesNoMoves() {
        SliceGrid grid = grid(
                new BlockLoad(block("s1", 8192, 4000), List.of(slice("a", 1000, 500), slice("b", 1000, 500))),
                new BlockLoad(block("s2", 8192, 4000), List.of(slice("c", 1000, 500), slice("d", 1000, 500))));
        assertTrue(grid.consolidate(Consolidators.budgeted(System::nanoTime, 1), TIME).isEmpty());
        assertTrue(grid.consolidate(Consolidators.budgeted(System::nanoTime, 0), TIME).isEmpty());
        assertEquals(2, grid.consolidate(Consolidators.budgeted(System::nanoTime, 2), TIME).moves().size());
    }

    @Test
    void replicasAreNeverPutTogetherNorSlicesOntoDrainingOrUntaggedBlocks() {
        SliceGrid grid = grid(
                new BlockLoad(block("web1", 8192, 4000), List.of(replica("shop/web", 1, 1000, 500))),
                new BlockLoad(block("web2", 8192, 4000), List.of(replica("shop/web", 2, 1000, 500))),
                new BlockLoad(new Block("draining", Fixtures.SERVER, Set.of("ssd"), BlockState.DRAINING), List.of(slice("x", 500, 100, "ssd"))),
                new BlockLoad(block("fast", 8192, 4000, "ssd"), List.of(slice("shop/db", 7000, 3000, "ssd"))));
        ConsolidationPlan plan = grid.consolidate(Consolidators.budgeted(System::nanoTime, 10), TIME);
        assertEquals(List.of(new Move("x", "draining", "fast")), plan.moves());
    }

    /** Replays the plan on plain values, checking each step with the old copy still running, and spread. */
    static void replayChecked(GridSnapshot before, ConsolidationPlan plan) {
        ConsolidationTest.replayChecked(before, plan);
        Map<String, Slice> slices = new HashMap<>();
        Map<String, String> where = new HashMap<>();
        for (BlockLoad load : before.blocks()) {
            load.slices().forEach(slice -> {
                slices.put(slice.id(), slice);
                where.put(slice.id(), load.block().id());
            });
        }
        for (Move move : plan.moves()) {
            String node = slices.get(move.sliceId()).node();
            boolean together = where.entrySet().stream().anyMatch(entry -> entry.getValue().equals(move.to())
                    && slices.get(entry.getKey()).node().equals(node));
            assertFalse(together, "onto a block without another replica of " + node + ": " + move);
            where.put(move.sliceId(), move.to());
        }
    }

    /** 10 to 60 blocks of mixed sizes, some tagged ssd, some draining, holding replicas of up to 30 nodes. */
    private static GridSnapshot randomGrid(SplittableRandom random) {
        List<Resources> sizes = List.of(new Resources(4096, 2000), new Resources(8192, 4000), new Resources(16384, 8000));
        List<BlockLoad> loads = new ArrayList<>();
        int sliceNumber = 0;
        int blocks = 10 + random.nextInt(51);
        for (int index = 0; index < blocks; index++) {
            Resources capacity = sizes.get(random.nextInt(sizes.size()));
            Set<String> tags = random.nextInt(3) == 0 ? Set.of("ssd") : Set.of();
            BlockState state = random.nextInt(10) == 0 ? BlockState.DRAINING : BlockState.READY;
            List<Slice> slices = new ArrayList<>();
            Resources used = Resources.NONE;
            int target = random.nextInt(8);
            while (slices.size() < target) {
                Resources demand = new Resources(100 + random.nextInt(2500), 50 + random.nextInt(1200));
                if (!capacity.covers(used.plus(demand))) {
                    break;
                }
                used = used.plus(demand);
                Set<String> needs = tags.contains("ssd") && random.nextBoolean() ? Set.of("ssd") : Set.of();
                slices.add(new Slice("s" + sliceNumber++, "app/node" + random.nextInt(30), demand, needs));
            }
            loads.add(new BlockLoad(new Block("b" + index, capacity, tags, state), slices));
        }
        return new GridSnapshot(new GridOptions(0, 1000, true, Fixtures.SERVER), loads, 0);
    }

    private static SliceGrid grid(BlockLoad... loads) {
        return SliceGrid.restore(new GridSnapshot(new GridOptions(0, 20, true, Fixtures.SERVER), List.of(loads), 0), Placers.standard());
    }
}
