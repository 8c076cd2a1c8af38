package dev.quarry.hq.launch;

import static java.util.Objects.requireNonNull;

import dev.quarry.hq.state.JsonValues;
import dev.quarry.hq.state.StateConflictException;
import dev.quarry.hq.state.StateKey;
import dev.quarry.hq.state.StateStore;
import dev.quarry.hq.state.Versioned;
import dev.quarry.router.model.NodeRoute;
import dev.quarry.router.model.StackRoutes;
import java.util.List;
import java.util.Optional;

/**
 * Each stack's routes as the last HQ that routed it gave them to its router, template included, under
 * {@code routes/<stack>.json} in the state store: every HQ sharing the store (etcd) routes what any of them
 * launched, with the template of the release that went live, without reading another HQ's disk.
 */
public final class SharedRoutes implements RouteBook {
    private static final StateKey FOLDER = StateKey.of("routes");
    private static final String SUFFIX = ".json";

    private final StateStore store;

    public SharedRoutes(StateStore store) {
        this.store = requireNonNull(store, "store is null");
    }

    @Override
    public void record(StackRoutes routes) {
        StateKey key = key(routes.stack());
        byte[] value = JsonValues.write(Recorded.of(routes));
        for (int attempt = 1; ; attempt++) {
            long revision = store.read(key).map(Versioned::revision).orElse(StateStore.ABSENT);
            try {
                store.write(key, revision, value);
                return;
            } catch (StateConflictException e) {
                if (attempt == 3) {
                    throw e;
                }
            }
        }
    }

    @Override
    public void forget(String stack) {
        StateKey key = key(stack);
        store.read(key).ifPresent(stored -> store.delete(key, stored.revision()));
    }

    /** The stacks that have recorded routes. */
    public List<String> stacks() {
        return store.children(FOLDER).stream().filter(name -> name.endsWith(SUFFIX))
                .map(name -> name.substring(0, name.length() - SUFFIX.length())).toList();
    }

    /** The recorded routes of {@code stack}, or empty when none were recorded. */
    public Optional<StackRoutes> read(String stack) {
        StateKey key = key(stack);
        return store.read(key).map(stored -> JsonValues.read(key, stored, Recorded.class).routes());
    }

    private static StateKey key(String stack) {
        return FOLDER.child(stack + SUFFIX);
    }

    /**
     * The stored form of a stack's routes.
     *
     * @param template the stack's nginx template; null for the router's default one
     */
    record Recorded(String stack, List<NodeRoute> nodes, String template) {
        static Recorded of(StackRoutes routes) {
            return new Recorded(routes.stack(), routes.nodes(), routes.template().orElse(null));
        }

        StackRoutes routes() {
            return new StackRoutes(stack, nodes, Optional.ofNullable(template));
        }
    }
}
