package dev.quarry.slicegrid.placement;

import static dev.quarry.slicegrid.Fixtures.block;
import static dev.quarry.slicegrid.Fixtures.slice;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.quarry.slicegrid.model.BlockState;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FilterTest {
    private final Occupancy occupancy = new Occupancy();
    private final int s3 = occupancy.addBlock(block("s3", 1024, 1000, "ssd"));

    FilterTest() {
        occupancy.assign(s3, slice("busy", 824, 900));
    }

    @Test
    void memoryFilterSaysHowMuchIsNeededAndFree() {
        assertEquals(new Verdict.Rejected("short of memory", "needs 512 MiB, server s3 has 200 MiB free"),
                new MemoryFilter().check(slice("web", 512, 10), occupancy, s3));
        assertEquals(Verdict.FITS, new MemoryFilter().check(slice("web", 200, 10), occupancy, s3));
    }

    @Test
    void cpuFilterSaysHowMuchIsNeededAndFree() {
        assertEquals(new Verdict.Rejected("short of cpu", "needs 500m cpu, server s3 has 100m free"),
                new CpuFilter().check(slice("web", 10, 500), occupancy, s3));
    }

    @Test
    void tagFilterNamesTheMissingTags() {
        assertEquals(new Verdict.Rejected("lack tags gpu, tpu", "needs tags gpu, tpu, server s3 lacks them"),
                new TagFilter().check(slice("ml", 10, 10, "ssd", "gpu", "tpu"), occupancy, s3));
        assertEquals(Verdict.FITS, new TagFilter().check(slice("db", 10, 10, "ssd"), occupancy, s3));
    }

    @Test
    void stateFilterRefusesDrainingBlocks() {
        occupancy.setState(s3, BlockState.DRAINING);
        assertEquals(new Verdict.Rejected("draining", "server s3 is draining and takes no new slices"),
                new StateFilter().check(slice("web", 10, 10), occupancy, s3));
    }

    @Test
    void refusalCountsTheFirstReasonOfEachBlock() {
        occupancy.addBlock(block("s4", 8192, 4000));
        Refusal refusal = Refusal.explain(slice("db", 512, 50, "ssd"), occupancy, FilterChain.REQUIRED, "");
        assertEquals(Map.of("short of memory", 1, "lack tag ssd", 1), refusal.reasons());
        assertEquals("0 of 2 servers fit: 1 short of memory, 1 lack tag ssd", refusal.message());
    }
}
