package dev.quarry.slicegrid.consolidation;

import static dev.quarry.slicegrid.Fixtures.block;
import static dev.quarry.slicegrid.Fixtures.slice;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.slicegrid.BlockLoad;
import dev.quarry.slicegrid.Fixtures;
import dev.quarry.slicegrid.GridEvent;
import dev.quarry.slicegrid.GridMeasure;
import dev.quarry.slicegrid.GridOptions;
import dev.quarry.slicegrid.GridSnapshot;
import dev.quarry.slicegrid.SliceGrid;
import dev.quarry.slicegrid.model.Block;
import dev.quarry.slicegrid.model.BlockState;
import dev.quarry.slicegrid.model.Resources;
import dev.quarry.slicegrid.model.Slice;
import dev.quarry.slicegrid.placement.Placement;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ConsolidationTest {
    private static final Duration BUDGET = Duration.ofMillis(800);
    private final Consolidator consolidator = Consolidators.standard(System::nanoTime);

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6})
    void everyMoveListStaysFeasibleStepByStep(long seed) {
        SliceGrid grid = messyGrid(seed, 150 + (int) seed * 20);
        GridSnapshot before = grid.snapshot();
        ConsolidationPlan plan = grid.consolidate(consolidator, BUDGET);
        replayChecked(before, plan);
        Fixtures.Recorder recorder = new Fixtures.Recorder();
        grid.addListener(recorder);
        grid.apply(plan);
        assertEquals(plan.blocksAfter(), GridMeasure.usedBlocks(grid.snapshot()));
        assertEquals(before.blocks().size() - plan.blocksAfter(), recorder.of(GridEvent.Destroy.class).size());
        assertTrue(plan.blocksAfter() < plan.blocksBefore(), "a messy grid should shrink: " + plan.describe());
    }

    @ParameterizedTest
    @ValueSource(longs = {21, 22, 23})
    void mixedSizesTagsAndDrainingStayFeasible(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Resources> sizes = List.of(new Resources(4096, 2000), new Resources(8192, 4000), new Resources(16384, 8000));
        List<BlockLoad> loads = new java.util.ArrayList<>();
        int sliceNumber = 0;
        for (int index = 0; index < 30; index++) {
            Resources capacity = sizes.get(random.nextInt(sizes.size()));
            Set<String> tags = random.nextInt(3) == 0 ? Set.of("ssd") : Set.of();
            BlockState state = random.nextInt(8) == 0 ? BlockState.DRAINING : BlockState.READY;
            List<Slice> slices = new java.util.ArrayList<>();
            Resources used = Resources.NONE;
            while (true) {
                Resources demand = new Resources(200 + random.nextInt(2000), 100 + random.nextInt(1000));
                if (!capacity.covers(used.plus(demand)) || random.nextInt(4) == 0) {
                    break;
                }
                used = used.plus(demand);
                Set<String> needs = tags.contains("ssd") && random.nextBoolean() ? Set.of("ssd") : Set.of();
                slices.add(new Slice("s" + sliceNumber++, "node" + random.nextInt(40), demand, needs));
            }
            loads.add(new BlockLoad(new Block("b" + index, capacity, tags, state), slices));
        }
        GridSnapshot before = new GridSnapshot(new GridOptions(0, 100, true, Fixtures.SERVER), loads, 0);
        SliceGrid grid = SliceGrid.restore(before, dev.quarry.slicegrid.placement.Placers.standard());
        ConsolidationPlan plan = grid.consolidate(consolidator, BUDGET);
        replayChecked(before, plan);
        grid.apply(plan);
        assertEquals(plan.blocksAfter(), GridMeasure.usedBlocks(grid.snapshot()));
    }

    @Test
    void theHeuristicAloneGivesAFeasiblePlanToo() {
        SliceGrid grid = messyGrid(9, 300);
        GridSnapshot before = grid.snapshot();
        ConsolidationPlan plan = grid.consolidate(new StagedConsolidator(System::nanoTime, Refiner.NONE), Duration.ofMillis(200));
        replayChecked(before, plan);
        assertTrue(plan.blocksAfter() < plan.blocksBefore(), plan.describe());
    }

    @Test
    void aTightGridGetsNoMoves() {
        SliceGrid grid = SliceGrid.create(new GridOptions(0, 10, true, Fixtures.SERVER));
        for (int index = 0; index < 3; index++) {
            grid.addBlock(block("s" + index, 8192, 4000));
            grid.place(slice("big" + index, 6000, 3000));
        }
        ConsolidationPlan plan = grid.consolidate(consolidator, BUDGET);
        assertTrue(plan.isEmpty());
        assertEquals("nothing better found: 3 blocks in use", plan.describe());
    }

    @Test
    void neverMovesOntoDrainingBlocksOrBlocksLackingTags() {
        SplittableRandom random = new SplittableRandom(5);
        List<BlockLoad> loads = new java.util.ArrayList<>();
        for (int index = 0; index < 8; index++) {
            Set<String> tags = index % 2 == 0 ? Set.of("ssd") : Set.of();
            BlockState state = index == 3 ? BlockState.DRAINING : BlockState.READY;
            List<Slice> slices = new java.util.ArrayList<>();
            for (int count = 0; count < 3; count++) {
                int memory = 300 + random.nextInt(1500);
                int cpu = 100 + random.nextInt(700);
                slices.add(index % 2 == 0 && count == 0 ? slice("d" + index + count, memory, cpu, "ssd") : slice("w" + index + count, memory, cpu));
            }
            loads.add(new BlockLoad(new Block("s" + index, Fixtures.SERVER, tags, state), slices));
        }
        SliceGrid grid = SliceGrid.restore(new GridSnapshot(new GridOptions(0, 20, true, Fixtures.SERVER), loads, 0),
                dev.quarry.slicegrid.placement.Placers.standard());
        GridSnapshot before = grid.snapshot();
        ConsolidationPlan plan = grid.consolidate(consolidator, BUDGET);
        replayChecked(before, plan);
        assertTrue(plan.moves().stream().noneMatch(move -> move.to().equals("s3")));
        assertTrue(plan.blocksAfter() < plan.blocksBefore(), plan.describe());
    }

    /** Replays the plan on plain values, checking each step, with the new copy started before the old is stopped. */
    static void replayChecked(GridSnapshot before, ConsolidationPlan plan) {
        Map<String, Block> blocks = new HashMap<>();
        Map<String, Resources> used = new HashMap<>();
        Map<String, Slice> slices = new HashMap<>();
        Map<String, String> where = new HashMap<>();
        for (BlockLoad load : before.blocks()) {
            blocks.put(load.block().id(), load.block());
            used.put(load.block().id(), load.used());
            load.slices().forEach(slice -> {
                slices.put(slice.id(), slice);
                where.put(slice.id(), load.block().id());
            });
        }
        for (Move move : plan.moves()) {
            Slice slice = slices.get(move.sliceId());
            Block target = blocks.get(move.to());
            assertEquals(move.from(), where.get(move.sliceId()), "moves from where it is: " + move);
            assertEquals(BlockState.READY, target.state(), "onto a ready block: " + move);
            assertTrue(target.tags().containsAll(slice.requiredTags()), "onto a block with its tags: " + move);
            Resources after = used.get(move.to()).plus(slice.demand());
            assertTrue(target.capacity().covers(after), "room while the old copy still runs: " + move);
            used.put(move.to(), after);
            used.put(move.from(), used.get(move.from()).minus(slice.demand()));
            where.put(move.sliceId(), move.to());
        }
        long usedAfter = used.values().stream().filter(amount -> !amount.isZero()).count();
        assertEquals(plan.blocksAfter(), usedAfter);
    }

    /** A grid grown by online best fit while slices come and go: the state consolidation exists for. */
    static SliceGrid messyGrid(long seed, int slices) {
        SplittableRandom random = new SplittableRandom(seed);
        SliceGrid grid = SliceGrid.create(GridOptions.unbounded(Fixtures.SERVER));
        int blocks = 0;
        for (int index = 0; index < slices; index++) {
            Slice slice = slice("s" + index, 400 + random.nextInt(2900), 200 + random.nextInt(1400));
            if (grid.place(slice) instanceof Placement.NeedsNewBlock) {
                grid.addBlock(block("b" + blocks++, 8192, 4000));
                grid.place(slice);
            }
            if (random.nextInt(3) == 0) {
                grid.remove("s" + random.nextInt(index + 1));
            }
        }
        return grid;
    }
}
