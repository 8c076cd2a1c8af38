package dev.quarry.slicegrid.placement;

import java.util.Locale;
import java.util.SplittableRandom;

/** The placers by name; {@link #standard()} is the one the grid uses unless told otherwise. */
public final class Placers {
    private Placers() {}

    public static Placer standard() {
        return new BestFitPlacer();
    }

    /** {@code best-fit}, {@code first-fit} or {@code sampled} (seeded, so runs repeat). */
    public static Placer named(String name, long seed) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "best-fit" -> new BestFitPlacer();
            case "first-fit" -> new FirstFitPlacer();
            case "sampled" -> new SampledPlacer(new SplittableRandom(seed));
            default -> throw new IllegalArgumentException("unknown placer \"" + name + "\"; use best-fit, first-fit or sampled");
        };
    }
}
