package dev.quarry.hq.access;

import dev.quarry.files.AtomicFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * With a shared store (etcd), puts the keys of this home's {@code keys/NAME.pub} files into the store, in
 * user NAME's record, the first time this HQ sees each of them, so every HQ of the grid accepts them (the
 * first admins' keys included). The home file {@code etc/shared_key_files} (one {@code NAME FINGERPRINT}
 * line per key) remembers what this home has shared: a key removed with {@code keys remove} on any HQ is
 * not shared again from a copy of its file left in another home, so it is refused everywhere.
 */
public final class KeyFileSharing {
    private static final Logger LOG = LoggerFactory.getLogger(KeyFileSharing.class);

    private final AccessStore store;
    private final KeyFolder folder;
    private final Path record;
    private final Clock clock;
    private Set<String> shared;

    public KeyFileSharing(AccessStore store, KeyFolder folder, Path record, Clock clock) {
        this.store = store;
        this.folder = folder;
        this.record = record;
        this.clock = clock;
    }

    /** Shares every key file key this home has not shared yet. */
    public synchronized void share() {
        Set<String> seen = shared();
        List<String> added = new ArrayList<>();
        for (Map.Entry<String, List<PublicKey>> file : folder.keys().entrySet()) {
            for (PublicKey key : file.getValue()) {
                String entry = file.getKey() + " " + KeyUtils.getFingerPrint(key);
                if (!seen.contains(entry)) {
                    share(file.getKey(), key);
                    added.add(entry);
                }
            }
        }
        if (!added.isEmpty()) {
            seen.addAll(added);
            remember(seen);
        }
    }

    private void share(String name, PublicKey key) {
        String line = PublicKeyEntry.toString(key);
        for (UserRecord user : store.users()) {
            if (!user.name().equals(name) && holds(user, key)) {
                LOG.warn("not sharing keys/{}.pub: that key is {}'s in the store", name, user.name());
                return;
            }
        }
        store.editUser(name, current -> {
            if (current.isEmpty()) {
                return Optional.of(new UserRecord(name, Role.DEVELOPER, List.of(line), clock.instant(),
                        "hq"));
            }
            if (holds(current.get(), key)) {
                return current;
            }
            List<String> keys = new ArrayList<>(current.get().keys());
            keys.add(line);
            UserRecord user = current.get();
            return Optional.of(new UserRecord(name, user.role(), keys, user.added(), user.addedBy()));
        });
        LOG.info("shared keys/{}.pub ({}) with every HQ of the store", name, KeyUtils.getFingerPrint(key));
    }

    private static boolean holds(UserRecord user, PublicKey key) {
        for (String line : user.keys()) {
            try {
                if (KeyUtils.compareKeys(PublicKeyLine.parse(line).key(), key)) {
                    return true;
                }
            } catch (IllegalArgumentException e) {
                // an unreadable stored key holds nothing
            }
        }
        return false;
    }

    private Set<String> shared() {
        if (shared == null) {
            shared = new LinkedHashSet<>();
            try {
                if (Files.isRegularFile(record)) {
                    Files.readAllLines(record, StandardCharsets.UTF_8).stream().map(String::strip)
                            .filter(line -> !line.isEmpty()).forEach(shared::add);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + record + ": " + e.getMessage(), e);
            }
        }
        return shared;
    }

    private void remember(Set<String> entries) {
        try {
            AtomicFiles.write(record, (String.join("\n", entries) + "\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + record + ": " + e.getMessage(), e);
        }
    }
}
