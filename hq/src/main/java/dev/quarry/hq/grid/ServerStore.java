package dev.quarry.hq.grid;

import dev.quarry.hq.state.JsonValues;
import dev.quarry.hq.state.StateKey;
import dev.quarry.hq.state.StateStore;
import dev.quarry.hq.state.Versioned;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/** The servers in the state: {@code servers/<id>/settings.json}, and {@code ip} beside it. */
public final class ServerStore {
    private final StateStore store;

    public ServerStore(StateStore store) {
        this.store = store;
    }

    /** Every server with a settings.json, by id. */
    public List<ServerSettings> list() {
        return store.children(StateKey.of("servers")).stream()
                .filter(StateKey::isSegment)
                .map(this::read)
                .flatMap(Optional::stream)
                .toList();
    }

    public Optional<ServerSettings> read(String id) {
        StateKey key = settingsKey(id);
        return store.read(key).map(stored -> JsonValues.read(key, stored, ServerSettings.class));
    }

    /** Writes a server's settings (and its ip), over whatever was there. */
    public void save(ServerSettings server) {
        put(settingsKey(server.id()), JsonValues.write(server));
        put(StateKey.of("servers", server.id(), "ip"), (server.host() + "\n").getBytes(StandardCharsets.UTF_8));
    }

    /** Forgets a removed server. */
    public void delete(String id) {
        for (StateKey key : List.of(StateKey.of("servers", id, "ip"), settingsKey(id))) {
            store.read(key).ifPresent(stored -> store.delete(key, stored.revision()));
        }
    }

    private void put(StateKey key, byte[] value) {
        long revision = store.read(key).map(Versioned::revision).orElse(StateStore.ABSENT);
        store.write(key, revision, value);
    }

    private static StateKey settingsKey(String id) {
        return StateKey.of("servers", id, "settings.json");
    }
}
