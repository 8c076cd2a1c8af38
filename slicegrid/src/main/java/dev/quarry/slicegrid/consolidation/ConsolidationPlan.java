package dev.quarry.slicegrid.consolidation;

import java.util.List;

/**
 * What consolidation proposes: moves to apply in order, each feasible at its turn, and what they save.
 *
 * @param moves the moves, in the order to apply them; empty when nothing better was found
 * @param blocksBefore blocks holding slices before the moves
 * @param blocksAfter blocks holding slices after the moves
 */
public record ConsolidationPlan(List<Move> moves, int blocksBefore, int blocksAfter) {

    public ConsolidationPlan {
        moves = List.copyOf(moves);
        if (blocksAfter > blocksBefore) {
            throw new IllegalArgumentException("a plan must not use more blocks: " + blocksBefore + " before, " + blocksAfter + " after");
        }
    }

    public static ConsolidationPlan nothingBetter(int blocks) {
        return new ConsolidationPlan(List.of(), blocks, blocks);
    }

    public boolean isEmpty() {
        return moves.isEmpty();
    }

    /** How many distinct slices the moves touch. */
    public long slicesMoved() {
        return moves.stream().map(Move::sliceId).distinct().count();
    }

    public String describe() {
        if (moves.isEmpty()) {
            return "nothing better found: " + blocksBefore + " blocks in use";
        }
        return moves.size() + " moves of " + slicesMoved() + " slices free " + (blocksBefore - blocksAfter)
                + " blocks: " + blocksBefore + " -> " + blocksAfter;
    }
}
