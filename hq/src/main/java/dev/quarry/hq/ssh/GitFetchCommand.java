package dev.quarry.hq.ssh;

import dev.quarry.hq.access.AppAction;
import dev.quarry.hq.access.Caller;
import dev.quarry.hq.access.Request;
import dev.quarry.hq.git.FetchService;
import java.io.IOException;
import dev.quarry.ssh.ChannelCommand;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Optional;
import java.util.concurrent.ExecutorService;

/** {@code git-upload-pack 'APP'}: one clone or fetch, if the caller reaches the app. */
final class GitFetchCommand extends ChannelCommand {
    private final FetchService fetches;
    private final String app;
    private final Caller caller;

    GitFetchCommand(ExecutorService executor, FetchService fetches, String app, Caller caller) {
        super(executor, "HQ");
        this.fetches = fetches;
        this.app = app;
        this.caller = caller;
    }

    @Override
    protected int run(InputStream in, OutputStream out, OutputStream err) throws IOException {
        Optional<String> refusal = caller.refusal(new Request.OnApp(app, AppAction.CLONE));
        if (refusal.isPresent()) {
            writeLine(err, "quarry: " + refusal.get());
            return 1;
        }
        if (fetches.send(app, in, out, err)) {
            return 0;
        }
        writeLine(err, "quarry: no app named " + app + " on this HQ; push it first: git push quarry@HQ:" + app
                + " main");
        return 1;
    }
}
