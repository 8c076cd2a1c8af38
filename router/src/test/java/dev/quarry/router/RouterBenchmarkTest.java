package dev.quarry.router;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.quarry.router.bench.RouterBenchmark;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The benchmark runs end to end on a small size (its figures are for `quarry bench router`, not asserted). */
class RouterBenchmarkTest {
    @TempDir
    Path prefix;

    @Test
    void routesEveryDomainItWasAskedFor() throws Exception {
        RouterBenchmark.Figures figures = RouterBenchmark.run(2_500, prefix, RouterTest.freePort());

        assertEquals(2_500, figures.routed());
        System.out.println("router benchmark (small): " + figures);
    }
}
