package dev.quarry.hq.ssh;

import dev.quarry.ssh.ChannelCommand;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.ExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Stands in for anything HQ does not run: says why in one {@code quarry: ...} line on stderr, exits 1. */
final class RefusedCommand extends ChannelCommand {
    private static final Logger LOG = LoggerFactory.getLogger(RefusedCommand.class);

    private final String reason;
    private final String user;

    RefusedCommand(ExecutorService executor, String reason, String user) {
        super(executor, "HQ");
        this.reason = reason;
        this.user = user;
    }

    @Override
    protected int run(InputStream in, OutputStream out, OutputStream err) {
        LOG.info("refused for {}: {}", user, reason);
        writeLine(err, "quarry: " + reason);
        return 1;
    }
}
