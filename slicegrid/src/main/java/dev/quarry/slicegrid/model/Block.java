package dev.quarry.slicegrid.model;

import static java.util.Objects.requireNonNull;

import java.util.Set;

/**
 * A block is a server of the grid: what it can hold, the tags it carries and whether it takes slices.
 *
 * @param id the server's id, unique in the grid
 * @param capacity the memory and cpu slices may use on it
 * @param tags labels such as {@code ssd}; a slice requiring tags only goes to blocks carrying all of them
 * @param state whether it takes new slices
 */
public record Block(String id, Resources capacity, Set<String> tags, BlockState state) {

    public Block {
        requireNonNull(id, "id is null");
        requireNonNull(capacity, "capacity is null");
        tags = Set.copyOf(requireNonNull(tags, "tags is null"));
        requireNonNull(state, "state is null");
        if (id.isBlank()) {
            throw new IllegalArgumentException("a block id must not be blank");
        }
        if (capacity.memoryMebibytes() == 0 || capacity.cpuMillicores() == 0) {
            throw new IllegalArgumentException("block " + id + " must have some memory and cpu, got " + capacity);
        }
    }

    /** A ready block without tags. */
    public static Block of(String id, Resources capacity) {
        return new Block(id, capacity, Set.of(), BlockState.READY);
    }

    public Block withState(BlockState newState) {
        return new Block(id, capacity, tags, newState);
    }
}
