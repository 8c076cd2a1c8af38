package dev.quarry.hq.state;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What every {@link StateStore} promises: values under keys, compare-and-set on revisions, listing.
 * The file store and the etcd store run these.
 */
public abstract class StateStoreContract {
    private static final StateKey KEY = StateKey.of("stacks", "shop", "stack.json");

    /** A new, empty store. */
    protected abstract StateStore store();

    @Test
    void absentKeysReadAsEmpty() {
        assertTrue(store().read(KEY).isEmpty());
    }

    @Test
    void createThenReadGivesTheValueAndItsRevision() {
        StateStore store = store();
        long revision = store.write(KEY, StateStore.ABSENT, "one".getBytes(UTF_8));
        Versioned stored = store.read(KEY).orElseThrow();
        assertArrayEquals("one".getBytes(UTF_8), stored.value());
        assertEquals(revision, stored.revision());
        assertTrue(revision > StateStore.ABSENT);
    }

    @Test
    void creatingAnExistingKeyConflicts() {
        StateStore store = store();
        store.write(KEY, StateStore.ABSENT, "one".getBytes(UTF_8));
        assertThrows(StateConflictException.class, () -> store.write(KEY, StateStore.ABSENT, "two".getBytes(UTF_8)));
        assertEquals("one", store.read(KEY).orElseThrow().text());
    }

    @Test
    void writingAtAStaleRevisionConflictsAndAtTheCurrentOneSucceeds() {
        StateStore store = store();
        long first = store.write(KEY, StateStore.ABSENT, "one".getBytes(UTF_8));
        long second = store.write(KEY, first, "two".getBytes(UTF_8));
        assertNotEquals(first, second);
        StateConflictException conflict = assertThrows(StateConflictException.class,
                () -> store.write(KEY, first, "stale".getBytes(UTF_8)));
        assertTrue(conflict.getMessage().startsWith("stacks/shop/stack.json changed since it was read"));
        assertEquals("two", store.read(KEY).orElseThrow().text());
    }

    @Test
    void deleteNeedsTheCurrentRevision() {
        StateStore store = store();
        long first = store.write(KEY, StateStore.ABSENT, "one".getBytes(UTF_8));
        long second = store.write(KEY, first, "two".getBytes(UTF_8));
        assertThrows(StateConflictException.class, () -> store.delete(KEY, first));
        store.delete(KEY, second);
        assertTrue(store.read(KEY).isEmpty());
        assertThrows(StateConflictException.class, () -> store.delete(KEY, second));
    }

    @Test
    void childrenAreListedSortedOneLevelDown() {
        StateStore store = store();
        store.write(StateKey.of("stacks", "shop", "env", "B"), StateStore.ABSENT, "2".getBytes(UTF_8));
        store.write(StateKey.of("stacks", "shop", "env", "A"), StateStore.ABSENT, "1".getBytes(UTF_8));
        store.write(StateKey.of("stacks", "blog", "stack.json"), StateStore.ABSENT, "{}".getBytes(UTF_8));
        assertEquals(List.of("A", "B"), store.children(StateKey.of("stacks", "shop", "env")));
        assertEquals(List.of("blog", "shop"), store.children(StateKey.of("stacks")));
        assertEquals(List.of(), store.children(StateKey.of("servers")));
    }

    @Test
    void deletingTheLastValueUnderAKeyRemovesItFromItsParentsChildren() {
        StateStore store = store();
        StateKey release = StateKey.of("stacks", "shop", "releases", "1", "release.json");
        StateKey other = StateKey.of("stacks", "shop", "releases", "2", "release.json");
        long revision = store.write(release, StateStore.ABSENT, "{}".getBytes(UTF_8));
        store.write(other, StateStore.ABSENT, "{}".getBytes(UTF_8));
        store.delete(release, revision);
        assertEquals(List.of("2"), store.children(StateKey.of("stacks", "shop", "releases")));
    }

    @Test
    void emptyValuesAreValues() {
        StateStore store = store();
        store.write(KEY, StateStore.ABSENT, new byte[0]);
        assertEquals(0, store.read(KEY).orElseThrow().value().length);
    }
}
