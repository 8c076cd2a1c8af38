package dev.quarry.hq.release;

import dev.quarry.hq.state.StateStore;
import dev.quarry.hq.state.StateKey;
import dev.quarry.hq.state.Versioned;

/**
 * Writes that replace whatever a key holds. Callers hold the stack's deploy lock, so the
 * compare-and-set inside only fails if something outside HQ changed the key meanwhile.
 */
final class Values {
    private Values() {}

    static void put(StateStore store, StateKey key, byte[] value) {
        long revision = store.read(key).map(Versioned::revision).orElse(StateStore.ABSENT);
        store.write(key, revision, value);
    }

    static void remove(StateStore store, StateKey key) {
        store.read(key).ifPresent(stored -> store.delete(key, stored.revision()));
    }
}
