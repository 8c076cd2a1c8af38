package dev.quarry.hq.ssh;

import dev.quarry.hq.access.AppAction;
import dev.quarry.hq.access.Caller;
import dev.quarry.hq.access.Request;
import dev.quarry.hq.access.Verdict;
import dev.quarry.hq.git.PushService;
import dev.quarry.hq.git.RefChange;
import dev.quarry.hq.lock.DeployLockTimeoutException;
import dev.quarry.hq.state.StateException;
import java.io.IOException;
import dev.quarry.ssh.ChannelCommand;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.concurrent.ExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code git-receive-pack 'APP'}: one push, if the caller may deploy the app (or create it). */
final class GitPushCommand extends ChannelCommand {
    private static final Logger LOG = LoggerFactory.getLogger(GitPushCommand.class);

    private final PushService pushes;
    private final String app;
    private final Caller caller;

    GitPushCommand(ExecutorService executor, PushService pushes, String app, Caller caller) {
        super(executor, "HQ");
        this.pushes = pushes;
        this.app = app;
        this.caller = caller;
    }

    @Override
    protected int run(InputStream in, OutputStream out, OutputStream err) throws IOException, InterruptedException {
        Verdict verdict = caller.admit(new Request.OnApp(app, AppAction.DEPLOY));
        if (verdict instanceof Verdict.Refused refused) {
            writeLine(err, "quarry: " + refused.line(caller.syntax()));
            return 1;
        }
        try {
            pushes.receive(app, caller.name(), in, out, err, this::audit);
            return 0;
        } catch (DeployLockTimeoutException e) {
            writeLine(err, "quarry: " + e.getMessage());
            return 1;
        } finally {
            if (verdict instanceof Verdict.Creates) {
                caller.releaseClaim(app);
            }
        }
    }

    private void audit(List<RefChange> changes) {
        try {
            caller.audit(app, PushAudit.line(app, changes));
        } catch (StateException e) {
            LOG.warn("cannot write the push of {} by {} to the audit log: {}", app, caller.name(), e.getMessage());
        }
    }
}
