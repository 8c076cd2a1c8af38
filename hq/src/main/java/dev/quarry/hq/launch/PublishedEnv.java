package dev.quarry.hq.launch;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.quarry.hq.state.JsonValues;
import dev.quarry.hq.state.StateConflictException;
import dev.quarry.hq.state.StateKey;
import dev.quarry.hq.state.StateStore;
import dev.quarry.hq.state.Versioned;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What each service publishes ({@code DATABASE_URL} with the host and port it runs on), kept in the state
 * store under {@code stacks/<stack>/published/<service>.json} — in etcd when HQ uses it, so every HQ sees
 * it. Written whenever a node's env is made while the service runs; a node started while the service's
 * server does not answer gets the last values kept.
 */
public final class PublishedEnv {
    private static final TypeReference<TreeMap<String, String>> MAP = new TypeReference<>() { };

    private final StateStore store;

    public PublishedEnv(StateStore store) {
        this.store = store;
    }

    /** Keeps {@code values} as what the service publishes now (a write only when they changed). */
    public void remember(String stack, String service, Map<String, String> values) {
        StateKey key = key(stack, service);
        for (int attempt = 1; ; attempt++) {
            Optional<Versioned> stored = store.read(key);
            if (stored.isPresent() && JsonValues.read(key, stored.get(), MAP).equals(new TreeMap<>(values))) {
                return;
            }
            try {
                store.write(key, stored.map(Versioned::revision).orElse(StateStore.ABSENT),
                        JsonValues.write(new TreeMap<>(values)));
                return;
            } catch (StateConflictException e) {
                if (attempt == 5) {
                    throw e;
                }
            }
        }
    }

    /** The values last kept for the service; empty when it never published. */
    public Map<String, String> last(String stack, String service) {
        StateKey key = key(stack, service);
        return store.read(key).<Map<String, String>>map(stored -> JsonValues.read(key, stored, MAP)).orElse(Map.of());
    }

    private static StateKey key(String stack, String service) {
        return StateKey.of("stacks", stack, "published", service + ".json");
    }
}
