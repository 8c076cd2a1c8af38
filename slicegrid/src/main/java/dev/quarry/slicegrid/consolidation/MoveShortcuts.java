package dev.quarry.slicegrid.consolidation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Shortens a feasible move list without changing where slices end up: a slice moved several times moves
 * once, straight to its last block, at the time of its first move (or not at all when it ends where it
 * began), whenever that block has room for it at every step in between. Moves are (slice, from, to)
 * triples; the result is replayed from the start and the original kept if the replay fails.
 */
final class MoveShortcuts {
    private final Packing packing;
    private final int[] slices;
    private final int[] froms;
    private final int[] tos;
    private final boolean[] dropped;
    private final BlockTimelines timelines;

    private MoveShortcuts(Packing packing, int[] triples) {
        this.packing = packing;
        int count = triples.length / 3;
        slices = new int[count];
        froms = new int[count];
        tos = new int[count];
        dropped = new boolean[count];
        for (int index = 0; index < count; index++) {
            slices[index] = triples[index * 3];
            froms[index] = triples[index * 3 + 1];
            tos[index] = triples[index * 3 + 2];
        }
        timelines = new BlockTimelines(packing, slices, froms, tos);
    }

    static int[] shorten(Packing packing, int[] triples) {
        MoveShortcuts shortcuts = new MoveShortcuts(packing, triples);
        shortcuts.run();
        int[] shorter = shortcuts.remaining();
        return replays(packing, shorter) ? shorter : triples;
    }

    private void run() {
        List<List<Integer>> movesOfSlice = new ArrayList<>();
        for (int slice = 0; slice < packing.sliceCount(); slice++) {
            movesOfSlice.add(new ArrayList<>(2));
        }
        for (int index = 0; index < slices.length; index++) {
            movesOfSlice.get(slices[index]).add(index);
        }
        int[] replicas = new int[packing.sliceCount()];
        for (int slice = 0; slice < packing.sliceCount(); slice++) {
            replicas[packing.node(slice)]++;
        }
        for (int slice = 0; slice < packing.sliceCount(); slice++) {
            List<Integer> moves = movesOfSlice.get(slice);
            if (moves.size() >= 2 && replicas[packing.node(slice)] == 1) {
                shortcut(slice, moves);
            }
        }
    }

    /** Replaces the slice's moves by one (or none) when the block it stays on or goes to has room throughout. */
    private void shortcut(int slice, List<Integer> moves) {
        int first = moves.getFirst();
        int last = moves.getLast();
        int origin = froms[first];
        int destination = tos[last];
        if (!timelines.hasRoomThroughout(destination, slice, first, last, destination != origin)) {
            return;
        }
        timelines.forget(slice, moves, froms, tos);
        for (int index : moves) {
            dropped[index] = true;
        }
        if (destination != origin) {
            dropped[first] = false;
            tos[first] = destination;
            timelines.arrive(destination, slice, first);
            timelines.leave(origin, slice, first);
        }
    }

    private int[] remaining() {
        int[] result = new int[slices.length * 3];
        int count = 0;
        for (int index = 0; index < slices.length; index++) {
            if (!dropped[index]) {
                result[count++] = slices[index];
                result[count++] = froms[index];
                result[count++] = tos[index];
            }
        }
        return Arrays.copyOf(result, count);
    }

    private static boolean replays(Packing packing, int[] triples) {
        PackingState state = new PackingState(packing);
        for (int index = 0; index < triples.length; index += 3) {
            int slice = triples[index];
            if (state.blockOf(slice) != triples[index + 1] || !state.accepts(triples[index + 2], slice)) {
                return false;
            }
            state.move(slice, triples[index + 2]);
        }
        return true;
    }
}
