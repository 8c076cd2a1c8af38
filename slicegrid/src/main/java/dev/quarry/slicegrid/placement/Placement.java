package dev.quarry.slicegrid.placement;

import static java.util.Objects.requireNonNull;

import dev.quarry.slicegrid.model.Block;
import dev.quarry.slicegrid.model.Resources;
import java.util.Set;
import java.util.TreeSet;

/** Where a slice went, or what the grid needs before it can go anywhere. */
public sealed interface Placement permits Placement.OnBlock, Placement.NeedsNewBlock, Placement.Refused {

    /** One line for the user. */
    String describe();

    /**
     * The slice now runs on this block.
     *
     * @param block the block chosen
     */
    record OnBlock(Block block) implements Placement {
        public OnBlock {
            requireNonNull(block, "block is null");
        }

        @Override
        public String describe() {
            return "placed on server " + block.id();
        }
    }

    /**
     * The grid is full: a new block of this size is needed (the create event has fired). Place the slice
     * again once the block has been added.
     *
     * @param capacity the capacity the new block needs at least
     * @param tags the tags the new block must carry
     */
    record NeedsNewBlock(Resources capacity, Set<String> tags) implements Placement {
        public NeedsNewBlock {
            requireNonNull(capacity, "capacity is null");
            tags = Set.copyOf(tags);
        }

        @Override
        public String describe() {
            return "the grid is full: a new server of " + capacity
                    + (tags.isEmpty() ? "" : " with tags " + String.join(", ", new TreeSet<>(tags))) + " is needed";
        }
    }

    /**
     * No block fits and the grid may not grow.
     *
     * @param refusal the reasons, counted
     */
    record Refused(Refusal refusal) implements Placement {
        public Refused {
            requireNonNull(refusal, "refusal is null");
        }

        @Override
        public String describe() {
            return refusal.message();
        }
    }
}
