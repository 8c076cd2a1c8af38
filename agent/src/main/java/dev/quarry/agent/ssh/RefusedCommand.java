package dev.quarry.agent.ssh;

import dev.quarry.agent.protocol.AgentJson;
import dev.quarry.agent.protocol.Answers;
import dev.quarry.agent.verbs.VerbOutcome;
import dev.quarry.ssh.ChannelCommand;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.concurrent.ExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Stands in for anything the agent does not run: a one-line JSON error on stderr, exit status 2. */
final class RefusedCommand extends ChannelCommand {
    private static final Logger LOG = LoggerFactory.getLogger(RefusedCommand.class);

    private final String reason;

    RefusedCommand(ExecutorService executor, String reason) {
        super(executor, "the agent");
        this.reason = reason;
    }

    @Override
    protected int run(InputStream in, OutputStream out, OutputStream err) {
        LOG.info("refused: {}", reason);
        writeLine(err, AgentJson.write(new Answers.Failure(reason, List.of())));
        return VerbOutcome.REFUSED;
    }
}
