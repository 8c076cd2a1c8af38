package dev.quarry.hq.access;

import dev.quarry.compiler.read.Names;
import dev.quarry.hq.state.JsonValues;
import dev.quarry.hq.state.StateKey;
import dev.quarry.hq.state.StateStore;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The audit log in the state store: one key per entry, {@code access/audit/MILLIS-RANDOM[-APP]}, so
 * entries from several HQs never contend, list in time order and can be picked by app without being read.
 */
public final class AuditLog {
    static final StateKey FOLDER = StateKey.of("access", "audit");
    private static final int MILLIS_DIGITS = 15;

    private final StateStore store;

    public AuditLog(StateStore store) {
        this.store = store;
    }

    public void append(AuditEntry entry) {
        String name = String.format("%0" + MILLIS_DIGITS + "d", entry.at().toEpochMilli()) + "-"
                + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt())
                + (entry.app().isEmpty() ? "" : "-" + entry.app());
        store.write(FOLDER.child(name), StateStore.ABSENT, JsonValues.write(entry));
    }

    /** The last {@code count} entries, oldest first; only those of {@code app} when one is given. */
    public List<AuditEntry> last(Optional<String> app, int count) {
        List<String> names = store.children(FOLDER).stream().filter(name -> app.isEmpty() || app.equals(app(name)))
                .toList();
        List<AuditEntry> entries = new ArrayList<>();
        for (String name : names.subList(Math.max(0, names.size() - count), names.size())) {
            StateKey key = FOLDER.child(name);
            store.read(key).ifPresent(stored -> entries.add(JsonValues.read(key, stored, AuditEntry.class)));
        }
        return entries;
    }

    /** The app an entry's key names, if any. */
    private static Optional<String> app(String name) {
        String[] parts = name.split("-", 3);
        return parts.length == 3 && Names.isName(parts[2]) ? Optional.of(parts[2]) : Optional.empty();
    }
}
