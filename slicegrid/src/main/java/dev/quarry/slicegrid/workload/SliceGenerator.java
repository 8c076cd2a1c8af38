package dev.quarry.slicegrid.workload;

import dev.quarry.slicegrid.model.Resources;
import dev.quarry.slicegrid.model.Slice;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Makes {@code count} slices named {@code s0, s1, ...} of a shape, for blocks of a capacity, from a seed. */
public final class SliceGenerator {
    private static final int[] REALISTIC_MEMORY = {128, 256, 512, 1024, 2048, 4096};
    private static final int[] REALISTIC_CPU = {100, 250, 500, 1000, 2000, 4000};
    private static final double[] REALISTIC_WEIGHTS = {0.20, 0.30, 0.25, 0.15, 0.07, 0.03};

    private SliceGenerator() {}

    public static List<Slice> generate(int count, long seed, Shape shape, Resources capacity) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Slice> slices = new ArrayList<>(count);
        for (int index = 0; index < count; index++) {
            slices.add(Slice.of("s" + index, demand(random, shape, capacity)));
        }
        return slices;
    }

    private static Resources demand(SplittableRandom random, Shape shape, Resources capacity) {
        return switch (shape) {
            case INDEPENDENT -> fractions(capacity, uniform(random), uniform(random));
            case CORRELATED -> {
                double fraction = uniform(random);
                yield fractions(capacity, fraction, Math.min(0.40, Math.max(0.05, fraction * (0.9 + 0.2 * random.nextDouble()))));
            }
            case REALISTIC -> realistic(random, capacity);
        };
    }

    private static double uniform(SplittableRandom random) {
        return 0.05 + 0.35 * random.nextDouble();
    }

    private static Resources fractions(Resources capacity, double memory, double cpu) {
        return new Resources(Math.max(1, (int) Math.round(memory * capacity.memoryMebibytes())),
                Math.max(1, (int) Math.round(cpu * capacity.cpuMillicores())));
    }

    private static Resources realistic(SplittableRandom random, Resources capacity) {
        int size = weighted(random);
        int cpuSize = Math.max(0, Math.min(REALISTIC_CPU.length - 1, size + random.nextInt(3) - 1));
        return new Resources(Math.min(capacity.memoryMebibytes(), REALISTIC_MEMORY[size]),
                Math.min(capacity.cpuMillicores(), REALISTIC_CPU[cpuSize]));
    }

    private static int weighted(SplittableRandom random) {
        double draw = random.nextDouble();
        for (int index = 0; index < REALISTIC_WEIGHTS.length; index++) {
            draw -= REALISTIC_WEIGHTS[index];
            if (draw < 0) {
                return index;
            }
        }
        return REALISTIC_WEIGHTS.length - 1;
    }
}
