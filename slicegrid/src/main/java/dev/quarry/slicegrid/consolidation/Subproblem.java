package dev.quarry.slicegrid.consolidation;

import dev.quarry.slicegrid.consolidation.solver.PackingSolution;
import dev.quarry.slicegrid.consolidation.solver.PlannedBlock;
import dev.quarry.slicegrid.consolidation.solver.PlannedSlice;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A few blocks of a packing and the slices on them, as an OptaPlanner problem: small enough for the solver
 * to search well in a fraction of a second, with the rest of the packing held still.
 */
final class Subproblem {
    private final PackingState state;
    private final int[] blocks;

    Subproblem(PackingState state, int[] blocks) {
        this.state = state;
        this.blocks = blocks.clone();
    }

    PackingSolution solution() {
        Packing packing = state.packing();
        Map<Integer, PlannedBlock> planned = new HashMap<>();
        List<PlannedBlock> values = new ArrayList<>();
        for (int block : blocks) {
            PlannedBlock value = new PlannedBlock(block, packing.capacityMemory(block), packing.capacityCpu(block));
            planned.put(block, value);
            values.add(value);
        }
        List<PlannedSlice> slices = new ArrayList<>();
        for (int block : blocks) {
            for (int index = 0; index < state.memberCount(block); index++) {
                int slice = state.member(block, index);
                slices.add(new PlannedSlice(slice, packing.demandMemory(slice), packing.demandCpu(slice), packing.node(slice),
                        planned.get(packing.initialBlock(slice)), allowed(slice), planned.get(block)));
            }
        }
        return new PackingSolution(values, slices);
    }

    /** How many of the blocks hold slices now. */
    int usedBlocks() {
        int used = 0;
        for (int block : blocks) {
            used += state.memberCount(block) > 0 ? 1 : 0;
        }
        return used;
    }

    static int usedBlocks(PackingSolution solution) {
        Set<Integer> used = new HashSet<>();
        solution.getSlices().forEach(slice -> used.add(slice.getBlock().getId()));
        return used.size();
    }

    static boolean isFeasible(PackingSolution solution) {
        return solution.getScore() != null && solution.getScore().isFeasible();
    }

    /** Where the solution puts each slice: slice number to block number. */
    static Map<Integer, Integer> targets(PackingSolution solution) {
        Map<Integer, Integer> targets = new HashMap<>();
        solution.getSlices().forEach(slice -> targets.put(slice.getId(), slice.getBlock().getId()));
        return targets;
    }

    private Set<Integer> allowed(int slice) {
        Packing packing = state.packing();
        Set<Integer> allowed = new HashSet<>();
        for (int block : blocks) {
            if (packing.takesSlices(block) && packing.tagsAllow(slice, block)) {
                allowed.add(block);
            }
        }
        return allowed;
    }
}
