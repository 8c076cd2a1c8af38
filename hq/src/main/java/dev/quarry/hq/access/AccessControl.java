package dev.quarry.hq.access;

import java.security.PublicKey;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Access as HQ applies it: the keys it accepts (this home's {@code keys/} and those added with {@code keys
 * add}), each user's role, where each app stands, and the callers that carry a session's identity to the
 * {@link AccessPolicy}. The first time a home is used with a key in {@code keys/} (or an older home starts
 * without access records), every key there becomes an admin; keys that come later are developers. With a
 * shared store ({@link KeyFileSharing}), key files are put into the store and only the store's keys count.
 */
public final class AccessControl {
    private static final Logger LOG = LoggerFactory.getLogger(AccessControl.class);

    private final AccessStore store;
    private final AuditLog audit;
    private final KeyFolder folder;
    private final AppPresence presence;
    private final Clock clock;
    private final Optional<KeyFileSharing> sharing;
    private volatile boolean started;

    public AccessControl(AccessStore store, AuditLog audit, KeyFolder folder, AppPresence presence, Clock clock) {
        this(store, audit, folder, presence, clock, Optional.empty());
    }

    /** Access whose key files are shared through the store when {@code sharing} is given (etcd). */
    public AccessControl(AccessStore store, AuditLog audit, KeyFolder folder, AppPresence presence, Clock clock,
            Optional<KeyFileSharing> sharing) {
        this.sharing = sharing;
        this.store = store;
        this.audit = audit;
        this.folder = folder;
        this.presence = presence;
        this.clock = clock;
    }

    public AccessStore store() {
        return store;
    }

    public AuditLog audit() {
        return audit;
    }

    public KeyFolder folder() {
        return folder;
    }

    public Clock clock() {
        return clock;
    }

    /**
     * Records access the first time there are keys: each key in {@code keys/} becomes an admin. Does nothing
     * once access is recorded, or while {@code keys/} is empty (so the first key put there is an admin).
     */
    public void start() {
        if (started) {
            return;
        }
        if (store.started().isPresent()) {
            started = true;
            return;
        }
        List<String> names = folder.names();
        if (names.isEmpty()) {
            return;
        }
        for (String name : names) {
            store.addUser(new UserRecord(name, Role.ADMIN, List.of(), clock.instant(), "hq"));
        }
        if (store.markStarted(new AccessStart(clock.instant(), names))) {
            LOG.info("access recorded for the first time: {} made admin (the keys in {})", names, "keys/");
            audit.append(new AuditEntry(clock.instant(), "hq", "-", "", "first use: admins " + String.join(", ",
                    names) + " (every key in keys/)"));
        }
        started = true;
    }

    /**
     * Every key HQ accepts: this home's key files first (sorted by name), then those added with keys add; with
     * a shared store, this home's new key files are shared first and then only the store's keys count.
     */
    public List<KnownKey> knownKeys() {
        List<KnownKey> keys = new ArrayList<>();
        if (sharing.isPresent()) {
            sharing.get().share();
        } else {
            folder.keys().forEach((name, list) -> list.forEach(key -> keys.add(new KnownKey(name, key, true))));
        }
        for (UserRecord user : store.users()) {
            for (String line : user.keys()) {
                try {
                    keys.add(new KnownKey(user.name(), PublicKeyLine.parse(line).key(), false));
                } catch (IllegalArgumentException e) {
                    LOG.warn("ignoring a stored key of {}: {}", user.name(), e.getMessage());
                }
            }
        }
        return keys;
    }

    /** Whose {@code key} is, or empty when HQ does not accept it. */
    public Optional<String> identify(PublicKey key) {
        start();
        return knownKeys().stream().filter(known -> KeyUtils.compareKeys(known.key(), key)).map(KnownKey::name)
                .findFirst();
    }

    /** A user's role: its record's, else developer (a key file put in keys/ after the first use). */
    public Role role(String name) {
        return store.user(name).map(UserRecord::role).orElse(Role.DEVELOPER);
    }

    /** Whether a user of that name has a key (a key file here, or keys added with keys add). */
    public boolean knows(String name) {
        return (sharing.isEmpty() && folder.has(name)) || store.user(name).map(user -> !user.keys().isEmpty()).orElse(false);
    }

    /** Where an app stands for access. */
    public AppStanding standing(String app) {
        Optional<AppAccess> access = store.app(app);
        if (access.isPresent()) {
            return new AppStanding.Recorded(access.get());
        }
        return presence.exists(app) ? new AppStanding.Unrecorded() : new AppStanding.Unclaimed();
    }

    /** Whether {@code app} exists on this HQ. */
    public boolean exists(String app) {
        return presence.exists(app);
    }

    /** The caller of one SSH session. */
    public Caller caller(String name, String address, HintSyntax syntax) {
        return new Caller(this, name, address, syntax);
    }
}
