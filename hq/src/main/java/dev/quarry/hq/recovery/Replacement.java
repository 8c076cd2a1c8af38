package dev.quarry.hq.recovery;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * What {@link ReplacementRule} decided: servers to give back to their provider and how many new ones to ask for.
 *
 * @param giveBack the ids of the servers to remove, longest down first
 * @param replacements how many servers to add
 */
public record Replacement(List<String> giveBack, int replacements) {
    public static final Replacement NOTHING = new Replacement(List.of(), 0);

    public Replacement {
        giveBack = List.copyOf(requireNonNull(giveBack, "giveBack is null"));
        if (replacements < 0) {
            throw new IllegalArgumentException("replacements is 0 or more, got " + replacements);
        }
    }

    public boolean isNothing() {
        return giveBack.isEmpty() && replacements == 0;
    }
}
