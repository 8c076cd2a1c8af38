package dev.quarry.hq.access;

import dev.quarry.hq.state.JsonValues;
import dev.quarry.hq.state.StateConflictException;
import dev.quarry.hq.state.StateException;
import dev.quarry.hq.state.StateKey;
import dev.quarry.hq.state.StateStore;
import dev.quarry.hq.state.Versioned;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Roles and per-app access in the state store, so they hold for every HQ sharing it (etcd):
 * {@code access/users/NAME.json} ({@link UserRecord}), {@code access/apps/APP.json} ({@link AppAccess}) and
 * {@code access/started.json}, written once when a home is first used ({@link AccessStart}). Every change is a
 * compare-and-set, retried on a conflict, so concurrent grants and revokes never lose one another.
 */
public final class AccessStore {
    static final StateKey USERS = StateKey.of("access", "users");
    static final StateKey APPS = StateKey.of("access", "apps");
    static final StateKey STARTED = StateKey.of("access", "started.json");
    private static final int MOST_TRIES = 100;

    private final StateStore store;

    public AccessStore(StateStore store) {
        this.store = store;
    }

    /** When access was first recorded, and who became admin then; empty before a home's first use. */
    public Optional<AccessStart> started() {
        return store.read(STARTED).map(stored -> JsonValues.read(STARTED, stored, AccessStart.class));
    }

    /** Records the first use; false when another HQ or connection recorded it first. */
    public boolean markStarted(AccessStart start) {
        return created(STARTED, JsonValues.write(start));
    }

    public Optional<UserRecord> user(String name) {
        StateKey key = userKey(name);
        return store.read(key).map(stored -> JsonValues.read(key, stored, UserRecord.class));
    }

    /** Every user record, sorted by name. */
    public List<UserRecord> users() {
        return store.children(USERS).stream().filter(file -> file.endsWith(".json"))
                .map(file -> file.substring(0, file.length() - ".json".length())).filter(KeyNames::isName)
                .map(this::user).flatMap(Optional::stream).toList();
    }

    /** Stores a new user; false when one of that name exists already. */
    public boolean addUser(UserRecord user) {
        return created(userKey(user.name()), JsonValues.write(user));
    }

    /** Removes a user's record; false when there was none. */
    public boolean removeUser(String name) {
        StateKey key = userKey(name);
        for (int tries = 0; tries < MOST_TRIES; tries++) {
            Optional<Versioned> stored = store.read(key);
            if (stored.isEmpty()) {
                return false;
            }
            try {
                store.delete(key, stored.get().revision());
                return true;
            } catch (StateConflictException e) {
                // changed meanwhile: read again
            }
        }
        throw conflicts(key);
    }

    /**
     * Changes a user's record with {@code edit} (given empty when there is none), by compare-and-set, reading
     * again and retrying when another writer changed it meanwhile; an empty result removes the record.
     */
    public void editUser(String name, UnaryOperator<Optional<UserRecord>> edit) {
        StateKey key = userKey(name);
        for (int tries = 0; tries < MOST_TRIES; tries++) {
            Optional<Versioned> stored = store.read(key);
            Optional<UserRecord> before = stored.map(value -> JsonValues.read(key, value, UserRecord.class));
            Optional<UserRecord> after = edit.apply(before);
            if (after.equals(before)) {
                return;
            }
            try {
                long revision = stored.map(Versioned::revision).orElse(StateStore.ABSENT);
                if (after.isPresent()) {
                    store.write(key, revision, JsonValues.write(after.get()));
                } else {
                    store.delete(key, revision);
                }
                return;
            } catch (StateConflictException e) {
                // another HQ or connection changed the record: read it again
            }
        }
        throw conflicts(key);
    }

    public Optional<AppAccess> app(String app) {
        StateKey key = appKey(app);
        return store.read(key).map(stored -> JsonValues.read(key, stored, AppAccess.class));
    }

    /** Every app access record, sorted by app. */
    public List<AppAccess> apps() {
        return store.children(APPS).stream().filter(file -> file.endsWith(".json"))
                .map(file -> file.substring(0, file.length() - ".json".length()))
                .filter(dev.quarry.compiler.read.Names::isName).map(this::app).flatMap(Optional::stream).toList();
    }

    /** Creates an app's record; false when it has one already (another push or grant was first). */
    public boolean createApp(AppAccess access) {
        return created(appKey(access.app()), JsonValues.write(access));
    }

    /**
     * Changes an app's record with {@code edit} (given empty when there is none yet), by compare-and-set,
     * reading again and retrying when another writer changed it meanwhile.
     *
     * @return the record before and after the edit
     */
    public Edited edit(String app, UnaryOperator<Optional<AppAccess>> edit) {
        StateKey key = appKey(app);
        for (int tries = 0; tries < MOST_TRIES; tries++) {
            Optional<Versioned> stored = store.read(key);
            Optional<AppAccess> before = stored.map(value -> JsonValues.read(key, value, AppAccess.class));
            Optional<AppAccess> after = edit.apply(before);
            if (after.equals(before)) {
                return new Edited(before, after);
            }
            try {
                long revision = stored.map(Versioned::revision).orElse(StateStore.ABSENT);
                if (after.isPresent()) {
                    store.write(key, revision, JsonValues.write(after.get()));
                } else {
                    store.delete(key, revision);
                }
                return new Edited(before, after);
            } catch (StateConflictException e) {
                // another grant, revoke or push changed the record: read it again
            }
        }
        throw conflicts(key);
    }

    /** Removes the app's record if it is still exactly {@code access} (a first push that kept nothing). */
    public void removeAppIf(AppAccess access) {
        edit(access.app(), current -> current.filter(record -> !record.equals(access)));
    }

    /** An app record before and after an edit. */
    public record Edited(Optional<AppAccess> before, Optional<AppAccess> after) {
        public boolean changed() {
            return !before.equals(after);
        }
    }

    private boolean created(StateKey key, byte[] value) {
        try {
            store.write(key, StateStore.ABSENT, value);
            return true;
        } catch (StateConflictException e) {
            return false;
        }
    }

    private static StateKey userKey(String name) {
        if (!KeyNames.isName(name)) {
            throw new IllegalArgumentException("not a key name: \"" + name + "\"");
        }
        return USERS.child(name + ".json");
    }

    private static StateKey appKey(String app) {
        if (!dev.quarry.compiler.read.Names.isName(app)) {
            throw new IllegalArgumentException("not an app name: \"" + app + "\"");
        }
        return APPS.child(app + ".json");
    }

    private static StateException conflicts(StateKey key) {
        return new StateException(key + " kept changing while HQ updated it (" + MOST_TRIES
                + " tries); try again");
    }
}
