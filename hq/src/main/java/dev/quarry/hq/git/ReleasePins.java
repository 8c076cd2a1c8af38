package dev.quarry.hq.git;

import dev.quarry.hq.release.Release;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.transport.RefFilter;

/**
 * Refs {@code refs/quarry/releases/<n>} pointing at each kept release's commit, so a force push or a
 * gc never loses the code a rollback needs. They are hidden from clients.
 */
public final class ReleasePins {
    static final String PREFIX = "refs/quarry/";
    private static final String RELEASES = PREFIX + "releases/";

    /** Hides HQ's own refs from fetches and pushes. */
    public static final RefFilter HIDE = refs -> {
        Map<String, Ref> visible = new TreeMap<>(refs);
        visible.keySet().removeIf(name -> name.startsWith(PREFIX));
        return visible;
    };

    private ReleasePins() {}

    /** Makes the pins exactly the kept releases whose commits the repository has. */
    public static void sync(Repository repository, List<Release> kept) throws IOException {
        Map<String, ObjectId> wanted = new TreeMap<>();
        for (Release release : kept) {
            ObjectId commit = ObjectId.fromString(release.commit());
            if (repository.getObjectDatabase().has(commit)) {
                wanted.put(RELEASES + release.number(), commit);
            }
        }
        for (Ref ref : repository.getRefDatabase().getRefsByPrefix(RELEASES)) {
            if (!wanted.containsKey(ref.getName())) {
                update(repository, ref.getName(), null);
            }
        }
        for (Map.Entry<String, ObjectId> pin : wanted.entrySet()) {
            Ref existing = repository.exactRef(pin.getKey());
            if (existing == null || !pin.getValue().equals(existing.getObjectId())) {
                update(repository, pin.getKey(), pin.getValue());
            }
        }
    }

    private static void update(Repository repository, String name, ObjectId target) throws IOException {
        RefUpdate update = repository.updateRef(name);
        update.setForceUpdate(true);
        RefUpdate.Result result;
        if (target == null) {
            result = update.delete();
        } else {
            update.setNewObjectId(target);
            result = update.update();
        }
        if (result == RefUpdate.Result.LOCK_FAILURE || result == RefUpdate.Result.IO_FAILURE
                || result == RefUpdate.Result.REJECTED) {
            throw new IOException("cannot update " + name + " in " + repository.getDirectory() + ": " + result);
        }
    }
}
