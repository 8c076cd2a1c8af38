package dev.quarry.slicegrid.model;

import static java.util.Objects.requireNonNull;

import java.util.Set;

/**
 * A slice is one container to place: which node it is a replica of, what it needs and where it may go.
 *
 * @param id the container's id, unique in the grid (for example {@code shop/web.2})
 * @param node the stack and node it runs (for example {@code shop/web}); replicas of one node are spread
 * @param demand the memory and cpu it reserves
 * @param requiredTags tags a block must carry to take it
 */
public record Slice(String id, String node, Resources demand, Set<String> requiredTags) {

    public Slice {
        requireNonNull(id, "id is null");
        requireNonNull(node, "node is null");
        requireNonNull(demand, "demand is null");
        requiredTags = Set.copyOf(requireNonNull(requiredTags, "requiredTags is null"));
        if (id.isBlank()) {
            throw new IllegalArgumentException("a slice id must not be blank");
        }
        if (demand.isZero()) {
            throw new IllegalArgumentException("slice " + id + " must need some memory or cpu");
        }
    }

    /** A slice that is its own node and needs no tags. */
    public static Slice of(String id, Resources demand) {
        return new Slice(id, id, demand, Set.of());
    }
}
