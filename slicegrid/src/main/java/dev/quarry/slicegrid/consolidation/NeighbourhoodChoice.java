package dev.quarry.slicegrid.consolidation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/** Picks the blocks of the next subproblem: some of the lightest used blocks and random used partners. */
final class NeighbourhoodChoice {
    private NeighbourhoodChoice() {}

    static int[] lightestWithPartners(PackingState state, int light, int partners, SplittableRandom random) {
        Packing packing = state.packing();
        List<Integer> used = new ArrayList<>();
        for (int block = 0; block < packing.blockCount(); block++) {
            if (state.memberCount(block) > 0) {
                used.add(block);
            }
        }
        used.sort(Comparator.comparingDouble(block -> load(state, block)));
        Set<Integer> chosen = new LinkedHashSet<>();
        int lightPool = Math.min(used.size(), light * 2);
        while (chosen.size() < Math.min(light, lightPool)) {
            chosen.add(used.get(random.nextInt(lightPool)));
        }
        int wanted = Math.min(used.size(), chosen.size() + partners);
        while (chosen.size() < wanted) {
            chosen.add(used.get(random.nextInt(used.size())));
        }
        return chosen.stream().mapToInt(Integer::intValue).toArray();
    }

    private static double load(PackingState state, int block) {
        Packing packing = state.packing();
        return (double) state.usedMemory(block) / packing.capacityMemory(block)
                + (double) state.usedCpu(block) / packing.capacityCpu(block);
    }
}
