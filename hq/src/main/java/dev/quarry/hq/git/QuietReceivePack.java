package dev.quarry.hq.git;

import java.io.IOException;
import java.util.List;
import org.eclipse.jgit.lib.BatchRefUpdate;
import org.eclipse.jgit.lib.NullProgressMonitor;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.transport.ReceiveCommand;
import org.eclipse.jgit.transport.ReceivePack;

/**
 * JGit's receive-pack without its "Updating references" progress line, which git's own
 * receive-pack never prints and which would trail every push's closing line.
 */
final class QuietReceivePack extends ReceivePack {
    QuietReceivePack(Repository repository) {
        super(repository);
    }

    @Override
    protected void executeCommands() {
        List<ReceiveCommand> toApply = filterCommands(ReceiveCommand.Result.NOT_ATTEMPTED);
        if (toApply.isEmpty()) {
            return;
        }
        BatchRefUpdate batch = getRepository().getRefDatabase().newBatchUpdate();
        batch.setAllowNonFastForwards(isAllowNonFastForwards());
        batch.setAtomic(isAtomic());
        batch.setRefLogIdent(getRefLogIdent());
        batch.setRefLogMessage("push", true);
        batch.addCommand(toApply);
        try {
            batch.setPushCertificate(getPushCertificate());
            batch.execute(getRevWalk(), NullProgressMonitor.INSTANCE);
        } catch (IOException e) {
            for (ReceiveCommand command : toApply) {
                if (command.getResult() == ReceiveCommand.Result.NOT_ATTEMPTED) {
                    command.setResult(ReceiveCommand.Result.REJECTED_OTHER_REASON,
                            "cannot update the ref: " + e.getMessage());
                }
            }
        }
    }
}
