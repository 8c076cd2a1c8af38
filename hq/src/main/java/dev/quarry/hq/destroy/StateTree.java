package dev.quarry.hq.destroy;

import dev.quarry.hq.state.StateCorruptException;
import dev.quarry.hq.state.StateKey;
import dev.quarry.hq.state.StateStore;
import java.util.function.Predicate;

/**
 * Deleting every value under a key of the state store, deepest first, {@code keepForLast} after the rest. With
 * the file store, a stack's state folder is also HQ's folder of the stack (its repository, source and build
 * logs, which are not state): those names are skipped, and so is any file that is not a state value; the
 * caller deletes the folder afterwards.
 */
final class StateTree {
    private StateTree() {}

    /**
     * Deletes every value under {@code folder}; the value {@code keepForLast} (one of them, or null) goes last, so
     * a delete cut short leaves the key that names the whole (a stack's {@code stack.json}) and can be run again.
     */
    static int delete(StateStore store, StateKey folder, StateKey keepForLast, Predicate<String> notState) {
        int deleted = deleteUnder(store, folder, keepForLast, notState);
        if (keepForLast != null) {
            deleted += deleteValue(store, keepForLast);
        }
        return deleted;
    }

    private static int deleteUnder(StateStore store, StateKey folder, StateKey skipped, Predicate<String> notState) {
        int deleted = 0;
        for (String name : store.children(folder)) {
            if (notState.test(name)) {
                continue;
            }
            StateKey child = folder.child(name);
            deleted += deleteUnder(store, child, skipped, notState);
            if (!child.equals(skipped)) {
                deleted += deleteValue(store, child);
            }
        }
        return deleted;
    }

    private static int deleteValue(StateStore store, StateKey key) {
        try {
            return store.read(key).map(stored -> {
                store.delete(key, stored.revision());
                return 1;
            }).orElse(0);
        } catch (StateCorruptException e) {
            return 0;
        }
    }
}
