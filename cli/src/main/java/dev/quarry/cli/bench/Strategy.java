package dev.quarry.cli.bench;

import dev.quarry.slicegrid.model.Slice;
import dev.quarry.slicegrid.placement.Placer;
import dev.quarry.slicegrid.placement.Placers;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/** The placement strategies the benchmark compares: the order slices arrive in and the placer that takes them. */
enum Strategy {
    BEST_FIT("best-fit"),
    FIRST_FIT("first-fit"),
    FIRST_FIT_DECREASING("first-fit-decreasing"),
    SAMPLED("sampled");

    private final String label;

    Strategy(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }

    static Strategy named(String name) throws BadOptionException {
        for (Strategy strategy : values()) {
            if (strategy.label.equals(name)) {
                return strategy;
            }
        }
        String known = Arrays.stream(values()).map(Strategy::label).collect(Collectors.joining("|"));
        throw new BadOptionException("--strategy", "must be " + known + ", got \"" + name + "\"");
    }

    Placer placer(long seed) {
        return switch (this) {
            case BEST_FIT -> Placers.named("best-fit", seed);
            case FIRST_FIT, FIRST_FIT_DECREASING -> Placers.named("first-fit", seed);
            case SAMPLED -> Placers.named("sampled", seed);
        };
    }

    /** File order, except first-fit-decreasing, which sorts by the larger share of capacity, biggest first (offline). */
    List<Slice> order(List<Slice> slices, int capacityMemory, int capacityCpu) {
        if (this != FIRST_FIT_DECREASING) {
            return slices;
        }
        List<Slice> sorted = new ArrayList<>(slices);
        sorted.sort(Comparator.comparingDouble((Slice slice) -> Math.max(
                (double) slice.demand().memoryMebibytes() / capacityMemory,
                (double) slice.demand().cpuMillicores() / capacityCpu)).reversed());
        return sorted;
    }
}
