package dev.quarry.slicegrid;

import static java.util.Objects.requireNonNull;

import dev.quarry.slicegrid.model.Block;
import dev.quarry.slicegrid.model.Resources;
import dev.quarry.slicegrid.model.Slice;
import java.util.Set;
import java.util.TreeSet;

/** The four things a grid tells its listeners, each able to say what happened in one line. */
public sealed interface GridEvent permits GridEvent.Added, GridEvent.Removed, GridEvent.Create, GridEvent.Destroy {

    String describe();

    /** A slice was put on a block: start its container there. */
    record Added(Block block, Slice slice) implements GridEvent {
        public Added {
            requireNonNull(block, "block is null");
            requireNonNull(slice, "slice is null");
        }

        @Override
        public String describe() {
            return "added " + slice.id() + " (" + slice.demand() + ") to server " + block.id();
        }
    }

    /** A slice left a block: stop its container there. */
    record Removed(Block block, Slice slice) implements GridEvent {
        public Removed {
            requireNonNull(block, "block is null");
            requireNonNull(slice, "slice is null");
        }

        @Override
        public String describe() {
            return "removed " + slice.id() + " (" + slice.demand() + ") from server " + block.id();
        }
    }

    /** The grid is full: make a new block of at least this capacity, carrying these tags, and add it. */
    record Create(Resources capacity, Set<String> tags, Slice waiting) implements GridEvent {
        public Create {
            requireNonNull(capacity, "capacity is null");
            tags = Set.copyOf(tags);
            requireNonNull(waiting, "waiting is null");
        }

        @Override
        public String describe() {
            return "the grid is full: create a server of " + capacity
                    + (tags.isEmpty() ? "" : " with tags " + String.join(", ", new TreeSet<>(tags)))
                    + " for " + waiting.id();
        }
    }

    /** A block became empty and the grid is above its minimum: the server can be destroyed. */
    record Destroy(Block block) implements GridEvent {
        public Destroy {
            requireNonNull(block, "block is null");
        }

        @Override
        public String describe() {
            return "server " + block.id() + " is empty: destroy it";
        }
    }
}
