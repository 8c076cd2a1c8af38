package dev.quarry.hq.grid;

import static java.util.Objects.requireNonNull;

import dev.quarry.hq.state.StateConflictException;
import dev.quarry.hq.state.StateException;
import dev.quarry.hq.state.StateKey;
import dev.quarry.hq.state.StateStore;
import dev.quarry.hq.state.Versioned;
import dev.quarry.pacific.local.LocalRecords;
import dev.quarry.pacific.provider.CloudFailure;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * pacific's local servers' records in HQ's state store, {@code grid/local-servers/<id>.json}, so every HQ
 * sharing the store (etcd) knows and manages every local server, whichever HQ added it. A new server's id
 * is claimed by compare-and-set, so two HQs adding at once never take the same one.
 */
public final class StoredLocalRecords implements LocalRecords {
    private static final StateKey FOLDER = StateKey.of("grid", "local-servers");
    private static final String SUFFIX = ".json";

    private final StateStore store;

    public StoredLocalRecords(StateStore store) {
        this.store = requireNonNull(store, "store is null");
    }

    /**
     * Moves the records {@code earlier} holds (a home's files from before the store) into the store: each is
     * copied unless the store has one, then removed there, so a server removed later is not found again.
     */
    public void importFrom(LocalRecords earlier) throws CloudFailure {
        for (String id : earlier.ids()) {
            Optional<byte[]> record = earlier.read(id);
            if (record.isPresent()) {
                claim(id, record.get());
                earlier.remove(id);
            }
        }
    }

    @Override
    public List<String> ids() throws CloudFailure {
        List<String> ids = new ArrayList<>();
        for (String name : call(() -> store.children(FOLDER))) {
            if (name.endsWith(SUFFIX)) {
                ids.add(name.substring(0, name.length() - SUFFIX.length()));
            }
        }
        return ids;
    }

    @Override
    public Optional<byte[]> read(String id) throws CloudFailure {
        return call(() -> store.read(key(id)).map(Versioned::value));
    }

    @Override
    public void write(String id, byte[] record) throws CloudFailure {
        for (int attempt = 1; ; attempt++) {
            try {
                call(() -> {
                    long revision = store.read(key(id)).map(Versioned::revision).orElse(StateStore.ABSENT);
                    return store.write(key(id), revision, record);
                });
                return;
            } catch (StateConflictException e) {
                if (attempt == 3) {
                    throw new CloudFailure("the record of local server " + id + " changed three times while this HQ"
                            + " wrote it; try again");
                }
            }
        }
    }

    @Override
    public boolean claim(String id, byte[] record) throws CloudFailure {
        try {
            call(() -> store.write(key(id), StateStore.ABSENT, record));
            return true;
        } catch (StateConflictException e) {
            return false;
        }
    }

    @Override
    public void remove(String id) throws CloudFailure {
        call(() -> {
            store.read(key(id)).ifPresent(stored -> store.delete(key(id), stored.revision()));
            return null;
        });
    }

    @Override
    public String where(String id) {
        return key(id) + " in HQ's state store";
    }

    @Override
    public String removal(String id, java.nio.file.Path folder) {
        return "the key " + key(id) + " from the state store and the folder " + folder;
    }

    private static StateKey key(String id) {
        return FOLDER.child(id + SUFFIX);
    }

    private interface StoreCall<T> {
        T run();
    }

    /** A store that fails is the provider's one-line failure; a lost compare-and-set is left to the caller. */
    private static <T> T call(StoreCall<T> call) throws CloudFailure {
        try {
            return call.run();
        } catch (StateConflictException e) {
            throw e;
        } catch (StateException e) {
            throw new CloudFailure(e.getMessage());
        }
    }
}
