package dev.quarry.slicegrid.consolidation;

/**
 * Makes room for a slice that fits no block as they are, at the cost of one more move: a smaller slice
 * leaves a block for its best fit elsewhere, so that the slice then fits where it was. Of all such pairs
 * the one leaving the tightest fit for the slice is taken. Neither move touches the block being emptied.
 */
final class RoomMaker {
    private final PackingState state;

    RoomMaker(PackingState state) {
        this.state = state;
    }

    /** Moves a slice out of the way and the slice in, returning true; or moves nothing and returns false. */
    boolean place(int slice, int emptying) {
        Packing packing = state.packing();
        int bestBlock = -1;
        int bestEvicted = -1;
        int bestTarget = -1;
        double bestScore = Double.POSITIVE_INFINITY;
        for (int block = 0; block < packing.blockCount(); block++) {
            if (!canHost(block, slice, emptying)) {
                continue;
            }
            int shortMemory = packing.demandMemory(slice) - state.freeMemory(block);
            int shortCpu = packing.demandCpu(slice) - state.freeCpu(block);
            for (int index = 0; index < state.memberCount(block); index++) {
                int evicted = state.member(block, index);
                if (packing.demandMemory(evicted) < shortMemory || packing.demandCpu(evicted) < shortCpu
                        || !smaller(evicted, slice)) {
                    continue;
                }
                double score = leftover(block, slice, evicted);
                if (score >= bestScore) {
                    continue;
                }
                int target = BestFit.block(state, evicted, block, candidate -> candidate != emptying);
                if (target >= 0) {
                    bestScore = score;
                    bestBlock = block;
                    bestEvicted = evicted;
                    bestTarget = target;
                }
            }
        }
        if (bestBlock < 0) {
            return false;
        }
        state.move(bestEvicted, bestTarget);
        state.move(slice, bestBlock);
        return true;
    }

    private boolean canHost(int block, int slice, int emptying) {
        Packing packing = state.packing();
        return block != emptying && state.memberCount(block) > 0 && packing.takesSlices(block)
                && packing.tagsAllow(slice, block) && !state.hostsNode(block, packing.node(slice))
                && packing.capacityMemory(block) >= packing.demandMemory(slice) && packing.capacityCpu(block) >= packing.demandCpu(slice);
    }

    /** Whether the evicted slice is smaller than the one placed in both dimensions together, so the chain makes progress. */
    private boolean smaller(int evicted, int slice) {
        Packing packing = state.packing();
        return packing.demandMemory(evicted) + packing.demandCpu(evicted) * (double) packing.capacityMemory(0) / packing.capacityCpu(0)
                < packing.demandMemory(slice) + packing.demandCpu(slice) * (double) packing.capacityMemory(0) / packing.capacityCpu(0);
    }

    /** The room the block would have left after the swap, squared, as fractions of its capacity. */
    private double leftover(int block, int slice, int evicted) {
        Packing packing = state.packing();
        double memory = (double) (state.freeMemory(block) + packing.demandMemory(evicted) - packing.demandMemory(slice)) / packing.capacityMemory(block);
        double cpu = (double) (state.freeCpu(block) + packing.demandCpu(evicted) - packing.demandCpu(slice)) / packing.capacityCpu(block);
        return memory * memory + cpu * cpu;
    }
}
