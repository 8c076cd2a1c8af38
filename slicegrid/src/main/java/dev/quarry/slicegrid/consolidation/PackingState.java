package dev.quarry.slicegrid.consolidation;

import java.util.Arrays;

/**
 * A packing being changed one feasible move at a time: where each slice is, what each block uses and
 * holds, and the moves made so far (which can be taken back to a mark).
 */
final class PackingState {
    private final Packing packing;
    private final int[] blockOf;
    private final int[] usedMemory;
    private final int[] usedCpu;
    private final int[][] members;
    private final int[] memberCount;
    private int[] moves = new int[256];
    private int moveCount;
    private int usedBlocks;

    PackingState(Packing packing) {
        this.packing = packing;
        int blocks = packing.blockCount();
        blockOf = new int[packing.sliceCount()];
        usedMemory = new int[blocks];
        usedCpu = new int[blocks];
        members = new int[blocks][4];
        memberCount = new int[blocks];
        for (int slice = 0; slice < packing.sliceCount(); slice++) {
            place(slice, packing.initialBlock(slice));
        }
        usedBlocks = (int) Arrays.stream(memberCount).filter(count -> count > 0).count();
    }

    Packing packing() {
        return packing;
    }

    int blockOf(int slice) {
        return blockOf[slice];
    }

    int freeMemory(int block) {
        return packing.capacityMemory(block) - usedMemory[block];
    }

    int freeCpu(int block) {
        return packing.capacityCpu(block) - usedCpu[block];
    }

    int usedMemory(int block) {
        return usedMemory[block];
    }

    int usedCpu(int block) {
        return usedCpu[block];
    }

    int memberCount(int block) {
        return memberCount[block];
    }

    int member(int block, int index) {
        return members[block][index];
    }

    int usedBlocks() {
        return usedBlocks;
    }

    /** Whether the slice may move to the block now: ready, tags, room, and no replica of its node there. */
    boolean accepts(int block, int slice) {
        return blockOf[slice] != block && packing.takesSlices(block) && packing.tagsAllow(slice, block)
                && freeMemory(block) >= packing.demandMemory(slice) && freeCpu(block) >= packing.demandCpu(slice)
                && !hostsNode(block, packing.node(slice));
    }

    boolean hostsNode(int block, int node) {
        for (int index = 0; index < memberCount[block]; index++) {
            if (packing.node(members[block][index]) == node) {
                return true;
            }
        }
        return false;
    }

    /** Moves the slice, which the block must accept. */
    void move(int slice, int block) {
        if (!accepts(block, slice)) {
            throw new IllegalStateException("block " + block + " cannot take slice " + slice + " now");
        }
        int from = blockOf[slice];
        record(slice, from, block);
        shift(slice, from, block);
    }

    int moveCount() {
        return moveCount;
    }

    /** Takes back every move made after the mark. */
    void rollback(int mark) {
        while (moveCount > mark) {
            moveCount--;
            int slice = moves[moveCount * 3];
            shift(slice, blockOf[slice], moves[moveCount * 3 + 1]);
        }
    }

    /** Takes back every move, then makes the other state's moves, so both end alike. */
    void replaceWith(PackingState other) {
        rollback(0);
        int[] triples = other.moves();
        for (int index = 0; index < triples.length; index += 3) {
            move(triples[index], triples[index + 2]);
        }
    }

    /** The moves made, as (slice, from, to) triples. */
    int[] moves() {
        return Arrays.copyOf(moves, moveCount * 3);
    }

    private void shift(int slice, int from, int to) {
        unplace(slice, from);
        place(slice, to);
        if (memberCount[from] == 0) {
            usedBlocks--;
        }
        if (memberCount[to] == 1) {
            usedBlocks++;
        }
    }

    private void record(int slice, int from, int to) {
        if (moves.length < (moveCount + 1) * 3) {
            moves = Arrays.copyOf(moves, moves.length * 2);
        }
        moves[moveCount * 3] = slice;
        moves[moveCount * 3 + 1] = from;
        moves[moveCount * 3 + 2] = to;
        moveCount++;
    }

    private void place(int slice, int block) {
        if (memberCount[block] == members[block].length) {
            members[block] = Arrays.copyOf(members[block], members[block].length * 2);
        }
        members[block][memberCount[block]++] = slice;
        usedMemory[block] += packing.demandMemory(slice);
        usedCpu[block] += packing.demandCpu(slice);
        blockOf[slice] = block;
    }

    private void unplace(int slice, int block) {
        int[] list = members[block];
        for (int index = 0; index < memberCount[block]; index++) {
            if (list[index] == slice) {
                list[index] = list[--memberCount[block]];
                break;
            }
        }
        usedMemory[block] -= packing.demandMemory(slice);
        usedCpu[block] -= packing.demandCpu(slice);
    }
}
