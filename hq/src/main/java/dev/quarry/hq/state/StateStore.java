package dev.quarry.hq.state;

import java.util.List;
import java.util.Optional;

/**
 * Everything HQ keeps: stacks, releases, env, servers and the grid, as values under keys. Every
 * change is a compare-and-set on the revision the writer last read, so two writers never silently
 * overwrite each other; an etcd store can honour the same contract (StateStoreContract in the tests).
 */
public interface StateStore {
    /** The expected revision meaning "there is no value under this key yet". */
    long ABSENT = 0;

    /**
     * The value under {@code key}, or empty when there is none.
     *
     * @throws StateCorruptException when the stored value is torn or damaged; never reported as empty
     */
    Optional<Versioned> read(StateKey key);

    /**
     * Stores {@code value} if the key's revision is still {@code expectedRevision} ({@link #ABSENT}: no value yet).
     *
     * @return the new revision
     * @throws StateConflictException when the key was changed (or created) since that revision
     */
    long write(StateKey key, long expectedRevision, byte[] value);

    /**
     * Removes the value if the key's revision is still {@code expectedRevision}.
     *
     * @throws StateConflictException when the key was changed or removed since that revision
     */
    void delete(StateKey key, long expectedRevision);

    /** The names one level under {@code parent} that hold values or further keys, sorted; empty when none. */
    List<String> children(StateKey parent);
}
