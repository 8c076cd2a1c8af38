package dev.quarry.hq.ssh;

import dev.quarry.hq.git.RefChange;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The audit line of one push: each ref it moved, a forced (non-fast-forward) one with its old and new
 * commit in full, such as {@code force push hello: main 1a2b... -> 3c4d... (not a fast-forward)}.
 */
final class PushAudit {
    private static final int SHORT = 12;

    private PushAudit() {}

    static String line(String app, List<RefChange> changes) {
        boolean forced = changes.stream().anyMatch(RefChange::forced);
        return (forced ? "force push " : "push ") + app + ": "
                + changes.stream().map(PushAudit::describe).collect(Collectors.joining(", "));
    }

    private static String describe(RefChange change) {
        String ref = change.ref().replaceFirst("^refs/(heads|tags)/", "");
        if (change.oldCommit().equals(RefChange.NONE)) {
            return ref + " new at " + change.newCommit().substring(0, SHORT);
        }
        if (change.newCommit().equals(RefChange.NONE)) {
            return ref + " deleted (was " + change.oldCommit().substring(0, SHORT) + ")";
        }
        if (change.forced()) {
            return ref + " " + change.oldCommit() + " -> " + change.newCommit() + " (not a fast-forward)";
        }
        return ref + " " + change.oldCommit().substring(0, SHORT) + ".." + change.newCommit().substring(0, SHORT);
    }
}
