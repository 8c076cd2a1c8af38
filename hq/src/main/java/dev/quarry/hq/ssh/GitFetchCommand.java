package dev.quarry.hq.ssh;

import dev.quarry.hq.git.FetchService;
import java.io.IOException;
import dev.quarry.ssh.ChannelCommand;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.ExecutorService;

/** {@code git-upload-pack 'APP'}: one clone or fetch. */
final class GitFetchCommand extends ChannelCommand {
    private final FetchService fetches;
    private final String app;

    GitFetchCommand(ExecutorService executor, FetchService fetches, String app) {
        super(executor, "HQ");
        this.fetches = fetches;
        this.app = app;
    }

    @Override
    protected int run(InputStream in, OutputStream out, OutputStream err) throws IOException {
        if (fetches.send(app, in, out, err)) {
            return 0;
        }
        writeLine(err, "quarry: no app named " + app + " on this HQ; push it first: git push quarry@HQ:" + app
                + " main");
        return 1;
    }
}
