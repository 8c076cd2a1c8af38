package dev.quarry.hq.destroy;

import static java.util.Objects.requireNonNull;

import dev.quarry.hq.state.JsonValues;
import dev.quarry.hq.state.StateKey;
import dev.quarry.hq.state.StateStore;
import dev.quarry.hq.state.Versioned;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The servers that did not answer while an app was destroyed, so what it has there is cleaned once they do:
 * {@code destroyed/APP.json} in the state store, gone once every one of them is clean.
 */
public final class Leftovers {
    private static final StateKey FOLDER = StateKey.of("destroyed");
    private static final String SUFFIX = ".json";

    private final StateStore store;

    public Leftovers(StateStore store) {
        this.store = requireNonNull(store, "store is null");
    }

    /**
     * The servers where a destroyed app may have containers or folders left.
     *
     * @param app the destroyed app
     * @param servers the ids of those servers, sorted
     */
    public record Leftover(String app, List<String> servers) {
        public Leftover {
            requireNonNull(app, "app is null");
            servers = List.copyOf(new TreeSet<>(servers));
        }
    }

    /** Adds {@code servers} to the app's leftovers (a second destroy of a re-pushed app may add more). */
    public void add(String app, Collection<String> servers) {
        TreeSet<String> all = new TreeSet<>(servers);
        read(app).ifPresent(earlier -> all.addAll(earlier.servers()));
        save(new Leftover(app, List.copyOf(all)));
    }

    /** Every app with leftovers, sorted. */
    public List<Leftover> all() {
        return store.children(FOLDER).stream().filter(name -> name.endsWith(SUFFIX))
                .map(name -> name.substring(0, name.length() - SUFFIX.length()))
                .filter(dev.quarry.compiler.read.Names::isName)
                .map(this::read).flatMap(Optional::stream).toList();
    }

    /** Records what is still left of the app; nothing left removes its record. */
    public void save(Leftover leftover) {
        StateKey key = key(leftover.app());
        long revision = store.read(key).map(Versioned::revision).orElse(StateStore.ABSENT);
        if (leftover.servers().isEmpty()) {
            if (revision != StateStore.ABSENT) {
                store.delete(key, revision);
            }
            return;
        }
        store.write(key, revision, JsonValues.write(leftover));
    }

    private Optional<Leftover> read(String app) {
        StateKey key = key(app);
        return store.read(key).map(stored -> JsonValues.read(key, stored, Leftover.class));
    }

    private static StateKey key(String app) {
        return FOLDER.child(app + SUFFIX);
    }
}
