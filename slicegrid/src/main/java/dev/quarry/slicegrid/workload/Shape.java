package dev.quarry.slicegrid.workload;

import java.util.Arrays;
import java.util.Locale;

/** How generated demands are spread over the two dimensions. */
public enum Shape {
    /** Memory and cpu each uniform in 5-40% of the capacity, drawn independently. */
    INDEPENDENT,
    /** One fraction uniform in 5-40% for both, cpu within 10% of memory's. */
    CORRELATED,
    /** Container-like sizes: mostly small (128 MiB to 1 GiB, a quarter to one core), a few large. */
    REALISTIC;

    public static Shape named(String name) {
        return Arrays.stream(values())
                .filter(shape -> shape.label().equals(name.toLowerCase(Locale.ROOT)))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("must be independent, correlated or realistic, got \"" + name + "\""));
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
