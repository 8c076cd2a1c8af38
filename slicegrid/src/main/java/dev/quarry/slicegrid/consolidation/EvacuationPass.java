package dev.quarry.slicegrid.consolidation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The move-budgeted heuristic: empties whole blocks, cheapest first (fewest slices, then lightest), each
 * slice to its best fit among the other blocks in use, and keeps an evacuation only when every slice of
 * the block found a place within the moves left. Each block emptied this way frees a server for as many
 * moves as it held slices, so taking the cheapest first frees the most servers per move. A block that
 * cannot be emptied costs nothing: its moves are taken back.
 */
final class EvacuationPass {
    private final PackingState state;
    /** The most moves the state may hold when the pass is done. */
    private final int moveLimit;
    private final RoomMaker roomMaker;

    EvacuationPass(PackingState state, int moveLimit) {
        this.state = state;
        this.moveLimit = moveLimit;
        this.roomMaker = new RoomMaker(state);
    }

    void run(Deadline deadline) {
        for (int block : cheapestFirst()) {
            int left = moveLimit - state.moveCount();
            int count = state.memberCount(block);
            if (deadline.passed() || left <= 0) {
                return;
            }
            if (count > 0 && count <= left) {
                evacuate(block, deadline);
            }
        }
    }

    /** Blocks in use, fewest slices first, then the lightest. */
    private List<Integer> cheapestFirst() {
        Packing packing = state.packing();
        List<Integer> blocks = new ArrayList<>();
        for (int block = 0; block < packing.blockCount(); block++) {
            if (state.memberCount(block) > 0) {
                blocks.add(block);
            }
        }
        blocks.sort(Comparator.<Integer>comparingInt(state::memberCount).thenComparingDouble(block -> WeakBlocks.load(state, block)));
        return blocks;
    }

    /** Moves every slice off the block, largest first, to its best fit elsewhere; or, also at the deadline, moves none. */
    private boolean evacuate(int block, Deadline deadline) {
        int mark = state.moveCount();
        for (int slice : largestFirst(block)) {
            if (deadline.passed()) {
                state.rollback(mark);
                return false;
            }
            int destination = BestFit.block(state, slice, block);
            if (destination >= 0) {
                state.move(slice, destination);
            } else if (!roomMaker.place(slice, block)) {
                state.rollback(mark);
                return false;
            }
        }
        if (state.moveCount() > moveLimit) {
            state.rollback(mark);
            return false;
        }
        return true;
    }

    private List<Integer> largestFirst(int block) {
        Packing packing = state.packing();
        List<Integer> slices = new ArrayList<>();
        for (int index = 0; index < state.memberCount(block); index++) {
            slices.add(state.member(block, index));
        }
        slices.sort(Comparator.<Integer>comparingDouble(slice -> Math.max(
                (double) packing.demandMemory(slice) / packing.capacityMemory(block),
                (double) packing.demandCpu(slice) / packing.capacityCpu(block))).reversed());
        return slices;
    }
}
