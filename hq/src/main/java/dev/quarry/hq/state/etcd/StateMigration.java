package dev.quarry.hq.state.etcd;

import static java.util.Objects.requireNonNull;

import dev.quarry.hq.state.FileStateStore;
import dev.quarry.hq.state.StateException;
import dev.quarry.hq.state.StateKey;
import dev.quarry.hq.state.StateStore;
import dev.quarry.hq.state.Versioned;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Copies the state of a QUARRY_HOME into an empty etcd, once, when HQs move from files to etcd. It
 * walks the keys under the top-level names where HQ keeps state, refuses to write into an etcd prefix
 * that already holds keys, and then reads every key back from etcd and compares the bytes.
 */
public final class StateMigration {
    /** The top-level names under which HQ keeps state in a home. */
    public static final List<String> TOP_LEVEL_NAMES = List.of("stacks", "servers", "grid", "access");
    /** What lives in a stack's folder beside its state: the git repository and the exported sources. */
    private static final List<String> STACK_FILES = List.of("repo.git", "src", "build");

    private final FileStateStore source;
    private final EtcdStateStore target;

    public StateMigration(FileStateStore source, EtcdStateStore target) {
        this.source = requireNonNull(source, "source is null");
        this.target = requireNonNull(target, "target is null");
    }

    /**
     * Copies and verifies every key.
     *
     * @throws StateException when etcd already holds keys under the prefix, a key cannot be read or
     *     written, or a key read back differs (naming the first one)
     */
    public MigrationResult migrate() {
        refuseUnlessEmpty();
        List<StateKey> keys = new ArrayList<>();
        for (String name : TOP_LEVEL_NAMES) {
            collect(StateKey.of(name), keys);
        }
        long bytes = 0;
        for (StateKey key : keys) {
            byte[] value = source.read(key).orElseThrow(() -> vanished(key)).value();
            target.write(key, StateStore.ABSENT, value);
            bytes += value.length;
        }
        keys.forEach(this::verify);
        return new MigrationResult(keys.size(), bytes);
    }

    private void refuseUnlessEmpty() {
        long present = target.keyCount();
        if (present > 0) {
            throw new StateException("etcd at " + target.endpoint() + " already holds " + present + " keys under "
                    + target.prefix() + "; a migration only fills an empty prefix: point HQ at that etcd as it is,"
                    + " or remove them first (etcdctl --endpoints " + target.endpoint() + " del --prefix "
                    + target.prefix() + ") and migrate again");
        }
    }

    private void collect(StateKey key, List<StateKey> keys) {
        if (isStackFile(key)) {
            return;
        }
        if (source.read(key).isPresent()) {
            keys.add(key);
        }
        for (String child : source.children(key)) {
            collect(key.child(child), keys);
        }
    }

    /**
     * stacks/APP/repo.git, src, src.COMMIT and build are files of the stack, not state; so is grid/grid.json,
     * where an HQ before the placement moved into the store kept it (the next HQ start takes it over).
     */
    private static boolean isStackFile(StateKey key) {
        List<String> segments = key.segments();
        if (key.equals(StateKey.of("grid", "grid.json"))) {
            return true;
        }
        return segments.size() == 3 && segments.getFirst().equals("stacks")
                && (STACK_FILES.contains(key.name()) || key.name().startsWith("src."));
    }

    private void verify(StateKey key) {
        byte[] expected = source.read(key).orElseThrow(() -> vanished(key)).value();
        byte[] found = target.read(key).map(Versioned::value).orElse(null);
        if (!Arrays.equals(expected, found)) {
            throw new StateException("migration check failed: " + key + " reads back from etcd at "
                    + target.endpoint() + " as " + (found == null ? "missing" : found.length + " bytes")
                    + ", QUARRY_HOME has " + expected.length + " bytes; remove the prefix " + target.prefix()
                    + " and migrate again with HQ stopped");
        }
    }

    private static StateException vanished(StateKey key) {
        return new StateException(key + " disappeared from QUARRY_HOME during the migration;"
                + " stop HQ before migrating and run it again");
    }
}
