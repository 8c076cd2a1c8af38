package dev.quarry.cli.bench;

import dev.quarry.slicegrid.model.Slice;
import dev.quarry.slicegrid.workload.SliceGenerator;
import java.io.PrintWriter;
import java.util.List;

/** {@code quarry bench grid --churn ARRIVALS --live L}: the same arrivals and departures under each consolidation mode, a line each. */
final class LiveChurnBench {
    private final LiveChurnSpec spec;
    private final PrintWriter out;

    LiveChurnBench(LiveChurnSpec spec, PrintWriter out) {
        this.spec = spec;
        this.out = out;
    }

    void run() {
        List<Slice> arrivals = SliceGenerator.generate(spec.arrivals(), spec.seed(), spec.shape(), spec.capacity());
        for (ConsolidationMode mode : ConsolidationMode.values()) {
            out.println(LiveChurnRun.of(mode, spec, arrivals).line());
            out.flush();
        }
    }
}
