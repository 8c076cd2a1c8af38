package dev.quarry.slicegrid.index;

import java.util.Arrays;

/**
 * The 64 by 64 buckets of a {@link FreeSpaceIndex}: which slots each holds, and per memory row a bitmask
 * of the cpu columns that hold any, so empty buckets are skipped with one instruction.
 */
final class BucketCells {
    static final int BUCKETS = 64;

    private final long[] rowMasks = new long[BUCKETS];
    private final int[][] members = new int[BUCKETS * BUCKETS][];
    private final int[] sizes = new int[BUCKETS * BUCKETS];
    private int[] cellOf = new int[0];
    private int[] positionOf = new int[0];

    static int cell(int row, int column) {
        return row * BUCKETS + column;
    }

    /** The columns at or after {@code firstColumn} in the row whose buckets hold a slot, as a bitmask. */
    long columns(int row, int firstColumn) {
        return rowMasks[row] & (-1L << firstColumn);
    }

    int size(int cell) {
        return sizes[cell];
    }

    int member(int cell, int index) {
        return members[cell][index];
    }

    /** The bucket holding the slot, or -1. */
    int cellOf(int slot) {
        return slot < cellOf.length ? cellOf[slot] : -1;
    }

    void attach(int slot, int cell) {
        ensureSlot(slot);
        int[] list = members[cell];
        if (list == null) {
            list = members[cell] = new int[8];
        } else if (sizes[cell] == list.length) {
            list = members[cell] = Arrays.copyOf(list, list.length * 2);
        }
        positionOf[slot] = sizes[cell];
        list[sizes[cell]++] = slot;
        cellOf[slot] = cell;
        rowMasks[cell / BUCKETS] |= 1L << (cell % BUCKETS);
    }

    void detach(int slot) {
        int cell = cellOf[slot];
        int[] list = members[cell];
        int last = list[--sizes[cell]];
        list[positionOf[slot]] = last;
        positionOf[last] = positionOf[slot];
        cellOf[slot] = -1;
        if (sizes[cell] == 0) {
            rowMasks[cell / BUCKETS] &= ~(1L << (cell % BUCKETS));
        }
    }

    private void ensureSlot(int slot) {
        if (slot < cellOf.length) {
            return;
        }
        int length = Math.max(slot + 1, cellOf.length * 2);
        int old = cellOf.length;
        cellOf = Arrays.copyOf(cellOf, length);
        Arrays.fill(cellOf, old, length, -1);
        positionOf = Arrays.copyOf(positionOf, length);
    }
}
