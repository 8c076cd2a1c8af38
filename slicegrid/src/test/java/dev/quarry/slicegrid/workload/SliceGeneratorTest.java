package dev.quarry.slicegrid.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.slicegrid.Fixtures;
import dev.quarry.slicegrid.model.Slice;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SliceGeneratorTest {
    @ParameterizedTest
    @EnumSource(Shape.class)
    void sameSeedSameSlicesWithinTheShapesRange(Shape shape) {
        List<Slice> first = SliceGenerator.generate(2000, 42, shape, Fixtures.SERVER);
        assertEquals(first, SliceGenerator.generate(2000, 42, shape, Fixtures.SERVER));
        assertNotEquals(first, SliceGenerator.generate(2000, 43, shape, Fixtures.SERVER));
        for (Slice slice : first) {
            assertTrue(Fixtures.SERVER.covers(slice.demand()), slice.toString());
            if (shape != Shape.REALISTIC) {
                assertTrue(slice.demand().memoryMebibytes() >= 0.05 * 8192 - 1 && slice.demand().memoryMebibytes() <= 0.40 * 8192 + 1);
                assertTrue(slice.demand().cpuMillicores() >= 0.05 * 4000 - 1 && slice.demand().cpuMillicores() <= 0.40 * 4000 + 1);
            }
        }
        assertEquals("s0", first.getFirst().id());
        assertEquals(shape, Shape.named(shape.label()));
    }
}
