package dev.quarry.slicegrid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.slicegrid.index.FitScore;
import dev.quarry.slicegrid.model.Block;
import dev.quarry.slicegrid.model.BlockState;
import dev.quarry.slicegrid.model.Resources;
import dev.quarry.slicegrid.model.Slice;
import dev.quarry.slicegrid.placement.Placement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Random sequences of place, remove, add-block and drain against a brute-force model of what must happen:
 * capacity and tags always hold, min and max hold, and create and destroy fire exactly when they should.
 */
class SliceGridPropertyTest {
    private static final List<Set<String>> TAG_CHOICES = List.of(Set.of(), Set.of(), Set.of(), Set.of("ssd"), Set.of("ssd", "gpu"));

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20})
    void randomSequencesKeepEveryRule(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int min = random.nextInt(3);
        int max = min + 1 + random.nextInt(8);
        SliceGrid grid = SliceGrid.create(new GridOptions(min, max, false, Fixtures.SERVER));
        Fixtures.Recorder recorder = new Fixtures.Recorder();
        grid.addListener(recorder);
        List<String> placed = new ArrayList<>();
        int blockNames = 0;
        int sliceNames = 0;
        for (int step = 0; step < 400; step++) {
            recorder.clear();
            int action = random.nextInt(10);
            GridSnapshot before = grid.snapshot();
            if (action < 5) {
                Slice slice = randomSlice(random, "x" + sliceNames++);
                checkPlace(grid, before, slice, recorder);
                grid.blockOf(slice.id()).ifPresent(block -> placed.add(slice.id()));
            } else if (action < 8 && !placed.isEmpty()) {
                String sliceId = placed.remove(random.nextInt(placed.size()));
                checkRemove(grid, before, sliceId, recorder);
            } else if (action < 9 && before.pendingCreates() > 0) {
                Set<String> tags = TAG_CHOICES.get(random.nextInt(TAG_CHOICES.size()));
                grid.addBlock(new Block("b" + blockNames++, Fixtures.SERVER, tags, BlockState.READY));
                assertTrue(recorder.events.isEmpty());
            } else if (!before.blocks().isEmpty() && random.nextInt(4) == 0) {
                BlockLoad load = before.blocks().get(random.nextInt(before.blocks().size()));
                grid.setState(load.block().id(), random.nextBoolean() ? BlockState.DRAINING : BlockState.READY);
            }
            checkInvariants(grid.snapshot(), max);
        }
    }

    private static Slice randomSlice(SplittableRandom random, String id) {
        String node = "stack/node" + random.nextInt(6);
        Resources demand = new Resources(200 + random.nextInt(5000), 100 + random.nextInt(2500));
        return new Slice(id, node, demand, TAG_CHOICES.get(random.nextInt(TAG_CHOICES.size())));
    }

    private static void checkPlace(SliceGrid grid, GridSnapshot before, Slice slice, Fixtures.Recorder recorder) {
        List<BlockLoad> fitting = before.blocks().stream().filter(load -> fits(load, slice)).toList();
        List<BlockLoad> spread = fitting.stream().filter(load -> load.slices().stream().noneMatch(other -> other.node().equals(slice.node()))).toList();
        Placement placement = grid.place(slice);
        if (!fitting.isEmpty()) {
            Block chosen = assertInstanceOf(Placement.OnBlock.class, placement).block();
            List<BlockLoad> candidates = spread.isEmpty() ? fitting : spread;
            double best = candidates.stream().mapToDouble(load -> score(load, slice)).min().orElseThrow();
            BlockLoad chosenLoad = candidates.stream().filter(load -> load.block().id().equals(chosen.id())).findFirst().orElseThrow();
            assertEquals(best, score(chosenLoad, slice), 1e-12, "not the best fit");
            assertEquals(List.of(new GridEvent.Added(chosen, slice)), recorder.events);
        } else if (before.blocks().size() + before.pendingCreates() < before.options().max()) {
            assertInstanceOf(Placement.NeedsNewBlock.class, placement);
            assertEquals(1, recorder.of(GridEvent.Create.class).size());
            assertEquals(1, recorder.events.size());
        } else {
            var refused = assertInstanceOf(Placement.Refused.class, placement);
            assertEquals(before.blocks().size(), refused.refusal().reasons().values().stream().mapToInt(Integer::intValue).sum());
            assertTrue(recorder.events.isEmpty());
        }
    }

    private static void checkRemove(SliceGrid grid, GridSnapshot before, String sliceId, Fixtures.Recorder recorder) {
        BlockLoad home = before.blocks().stream().filter(load -> load.slices().stream().anyMatch(slice -> slice.id().equals(sliceId))).findFirst().orElseThrow();
        assertTrue(grid.remove(sliceId).isPresent());
        boolean leftEmpty = home.slices().size() == 1;
        boolean destroy = leftEmpty && before.blocks().size() > before.options().min();
        assertEquals(destroy ? 2 : 1, recorder.events.size());
        assertInstanceOf(GridEvent.Removed.class, recorder.events.getFirst());
        if (destroy) {
            assertEquals(new GridEvent.Destroy(home.block()), recorder.events.get(1));
        }
        assertFalse(grid.blockOf(sliceId).isPresent());
    }

    private static void checkInvariants(GridSnapshot snapshot, int max) {
        assertTrue(snapshot.blocks().size() + snapshot.pendingCreates() <= max, "more blocks than max");
        for (BlockLoad load : snapshot.blocks()) {
            assertTrue(load.block().capacity().covers(load.used()), "over capacity: " + load);
            for (Slice slice : load.slices()) {
                assertTrue(load.block().tags().containsAll(slice.requiredTags()), "tags broken: " + slice);
            }
        }
    }

    private static boolean fits(BlockLoad load, Slice slice) {
        return load.block().state() == BlockState.READY && load.block().tags().containsAll(slice.requiredTags())
                && load.free().covers(slice.demand());
    }

    private static double score(BlockLoad load, Slice slice) {
        Resources capacity = load.block().capacity();
        return FitScore.of(load.free().memoryMebibytes(), load.free().cpuMillicores(), slice.demand().memoryMebibytes(),
                slice.demand().cpuMillicores(), 1.0 / capacity.memoryMebibytes(), 1.0 / capacity.cpuMillicores());
    }
}
