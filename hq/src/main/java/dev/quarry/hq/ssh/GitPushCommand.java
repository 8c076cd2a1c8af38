package dev.quarry.hq.ssh;

import dev.quarry.hq.git.PushService;
import dev.quarry.hq.lock.DeployLockTimeoutException;
import java.io.IOException;
import dev.quarry.ssh.ChannelCommand;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.ExecutorService;

/** {@code git-receive-pack 'APP'}: one push. */
final class GitPushCommand extends ChannelCommand {
    private final PushService pushes;
    private final String app;
    private final String user;

    GitPushCommand(ExecutorService executor, PushService pushes, String app, String user) {
        super(executor, "HQ");
        this.pushes = pushes;
        this.app = app;
        this.user = user;
    }

    @Override
    protected int run(InputStream in, OutputStream out, OutputStream err) throws IOException, InterruptedException {
        try {
            pushes.receive(app, user, in, out, err);
            return 0;
        } catch (DeployLockTimeoutException e) {
            writeLine(err, "quarry: " + e.getMessage());
            return 1;
        }
    }
}
