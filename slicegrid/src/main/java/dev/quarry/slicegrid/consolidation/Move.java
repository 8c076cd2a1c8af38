package dev.quarry.slicegrid.consolidation;

import static java.util.Objects.requireNonNull;

/**
 * Move one slice to another block: HQ starts the new container on {@code to}, then stops the old one on
 * {@code from}, so {@code to} must have room for the slice while it still runs on {@code from}.
 *
 * @param sliceId the slice to move
 * @param from the block it runs on before the move
 * @param to the block it runs on after the move
 */
public record Move(String sliceId, String from, String to) {

    public Move {
        requireNonNull(sliceId, "sliceId is null");
        requireNonNull(from, "from is null");
        requireNonNull(to, "to is null");
        if (from.equals(to)) {
            throw new IllegalArgumentException("a move of " + sliceId + " must change its block, got " + from + " twice");
        }
    }

    @Override
    public String toString() {
        return "move " + sliceId + " from " + from + " to " + to;
    }
}
