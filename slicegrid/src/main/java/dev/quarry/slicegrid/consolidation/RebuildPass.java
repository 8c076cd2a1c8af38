package dev.quarry.slicegrid.consolidation;

/**
 * The fast heuristic that does most of the consolidation work: it rebuilds the packing block by block, in
 * place, with moves that are each feasible when made. A block is finished by filling it from the slices
 * not yet settled ({@link SlicePool#fill}): an empty block gets a fresh best combination; when no block is
 * empty, the least-loaded block is emptied first if its slices fit elsewhere, or else completed as it is.
 * Blocks in use never increase along the way, so stopping at the deadline still leaves a valid plan.
 */
final class RebuildPass {
    private final PackingState state;
    private final SlicePool pool;
    private final boolean[] finished;

    RebuildPass(PackingState state, double balanceExponent) {
        this.state = state;
        this.pool = new SlicePool(state, balanceExponent);
        this.finished = new boolean[state.packing().blockCount()];
    }

    /** Holds blocks at least this full (in their fuller dimension) as they are: only the rest is rebuilt. */
    RebuildPass keepingBlocksFullerThan(double fill) {
        Packing packing = state.packing();
        for (int block = 0; block < packing.blockCount(); block++) {
            double fuller = Math.max((double) state.usedMemory(block) / packing.capacityMemory(block),
                    (double) state.usedCpu(block) / packing.capacityCpu(block));
            if (fuller >= fill) {
                finished[block] = true;
                for (int index = 0; index < state.memberCount(block); index++) {
                    pool.settle(state.member(block, index));
                }
            }
        }
        return this;
    }

    /** Rebuilds only the blocks marked: the others, and the slices on them, stay as they are. */
    RebuildPass rebuildingOnly(boolean[] rebuilt) {
        for (int block = 0; block < rebuilt.length; block++) {
            if (!rebuilt[block]) {
                finished[block] = true;
                for (int index = 0; index < state.memberCount(block); index++) {
                    pool.settle(state.member(block, index));
                }
            }
        }
        return this;
    }

    void run(Deadline deadline) {
        while (!pool.isEmpty() && !deadline.passed()) {
            int block = emptyUnfinishedBlock();
            if (block < 0) {
                int lightest = lightestUnfinishedBlock();
                if (lightest < 0) {
                    return;
                }
                if (!evacuate(lightest)) {
                    finish(lightest);
                    continue;
                }
                block = lightest;
            }
            finish(block);
        }
    }

    private void finish(int block) {
        finished[block] = true;
        for (int index = 0; index < state.memberCount(block); index++) {
            pool.settle(state.member(block, index));
        }
        if (state.packing().takesSlices(block)) {
            pool.fill(block);
        }
    }

    private int emptyUnfinishedBlock() {
        Packing packing = state.packing();
        for (int block = 0; block < packing.blockCount(); block++) {
            if (!finished[block] && state.memberCount(block) == 0 && packing.takesSlices(block)) {
                return block;
            }
        }
        return -1;
    }

    private int lightestUnfinishedBlock() {
        Packing packing = state.packing();
        int lightest = -1;
        double lightestLoad = Double.POSITIVE_INFINITY;
        for (int block = 0; block < packing.blockCount(); block++) {
            if (finished[block] || state.memberCount(block) == 0) {
                continue;
            }
            double load = (double) state.usedMemory(block) / packing.capacityMemory(block)
                    + (double) state.usedCpu(block) / packing.capacityCpu(block);
            if (load < lightestLoad) {
                lightestLoad = load;
                lightest = block;
            }
        }
        return lightest;
    }

    /** Moves every slice off the block to its best fit elsewhere, or moves none. */
    private boolean evacuate(int block) {
        if (!state.packing().takesSlices(block)) {
            return false;
        }
        int mark = state.moveCount();
        while (state.memberCount(block) > 0) {
            int slice = state.member(block, state.memberCount(block) - 1);
            int destination = BestFit.block(state, slice, block, candidate -> finished[candidate]);
            if (destination < 0) {
                destination = BestFit.block(state, slice, block);
            }
            if (destination < 0) {
                state.rollback(mark);
                return false;
            }
            state.move(slice, destination);
            if (finished[destination]) {
                pool.settle(slice);
            }
        }
        return true;
    }
}
