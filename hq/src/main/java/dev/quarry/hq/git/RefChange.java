package dev.quarry.hq.git;

import static java.util.Objects.requireNonNull;

import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.transport.ReceiveCommand;

/**
 * A ref a push moved, for the audit log.
 *
 * @param ref such as {@code refs/heads/main}
 * @param oldCommit the commit before ({@link #NONE} for a new ref)
 * @param newCommit the commit after ({@link #NONE} for a deleted ref)
 * @param forced whether the new commit does not contain the old one (a non-fast-forward, forced push)
 */
public record RefChange(String ref, String oldCommit, String newCommit, boolean forced) {
    public static final String NONE = ObjectId.zeroId().name();

    public RefChange {
        requireNonNull(ref, "ref is null");
        requireNonNull(oldCommit, "oldCommit is null");
        requireNonNull(newCommit, "newCommit is null");
    }

    static RefChange of(ReceiveCommand command) {
        return new RefChange(command.getRefName(), command.getOldId().name(), command.getNewId().name(),
                command.getType() == ReceiveCommand.Type.UPDATE_NONFASTFORWARD);
    }
}
