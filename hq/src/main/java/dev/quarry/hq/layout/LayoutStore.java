package dev.quarry.hq.layout;

import dev.quarry.hq.state.JsonValues;
import dev.quarry.hq.state.StateKey;
import dev.quarry.hq.state.StateStore;
import dev.quarry.hq.state.Versioned;
import java.util.Optional;

/** Layouts in the state, beside their release: {@code stacks/<name>/releases/<n>/layout.json}. */
public final class LayoutStore {
    private final StateStore store;

    public LayoutStore(StateStore store) {
        this.store = store;
    }

    public Optional<Layout> read(String stack, int release) {
        StateKey key = key(stack, release);
        return store.read(key).map(stored -> JsonValues.read(key, stored, Layout.class));
    }

    /** Writes the layout a release's launch left, over any earlier one. */
    public void save(String stack, int release, Layout layout) {
        StateKey key = key(stack, release);
        long revision = store.read(key).map(Versioned::revision).orElse(StateStore.ABSENT);
        store.write(key, revision, JsonValues.write(layout));
    }

    private static StateKey key(String stack, int release) {
        return StateKey.of("stacks", stack, "releases", Integer.toString(release), "layout.json");
    }
}
