package dev.quarry.hq.commands;

import dev.quarry.hq.access.AccessControl;
import dev.quarry.hq.access.AppAccess;
import dev.quarry.hq.access.KnownKey;
import dev.quarry.hq.access.Role;
import dev.quarry.hq.access.UserRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.sshd.common.config.keys.KeyUtils;

/** The rows of {@code keys}: one per key (a user with two keys has two), with role and apps. */
final class KeyListing {
    static final String ALL_APPS = "(all)";
    static final String NO_KEY_HERE = "(no key on this HQ)";

    private KeyListing() {}

    /** One key as {@code --json} shows it; {@code source} is {@code keys/NAME.pub} or {@code keys add}. */
    record KeyRow(String name, String role, String fingerprint, String source, List<String> apps) { }

    static List<KeyRow> rows(AccessControl access) {
        Map<String, UserRecord> users = new TreeMap<>();
        access.store().users().forEach(user -> users.put(user.name(), user));
        Map<String, List<String>> apps = new TreeMap<>();
        for (AppAccess app : access.store().apps()) {
            app.developers().forEach(name -> apps.computeIfAbsent(name, key -> new ArrayList<>()).add(app.app()));
        }
        List<KnownKey> keys = access.knownKeys();
        TreeSet<String> names = new TreeSet<>(users.keySet());
        keys.forEach(key -> names.add(key.name()));
        List<KeyRow> rows = new ArrayList<>();
        for (String name : names) {
            Role role = users.containsKey(name) ? users.get(name).role() : Role.DEVELOPER;
            List<String> reached = role == Role.ADMIN ? List.of(ALL_APPS) : apps.getOrDefault(name, List.of());
            List<KnownKey> own = keys.stream().filter(key -> key.name().equals(name)).toList();
            if (own.isEmpty()) {
                rows.add(new KeyRow(name, role.word(), NO_KEY_HERE, "", reached));
            }
            for (KnownKey key : own) {
                rows.add(new KeyRow(name, role.word(), KeyUtils.getFingerPrint(key.key()),
                        key.inKeyFolder() ? "keys/" + name + ".pub" : "keys add", reached));
            }
        }
        return rows;
    }
}
