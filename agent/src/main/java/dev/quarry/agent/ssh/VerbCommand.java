package dev.quarry.agent.ssh;

import dev.quarry.agent.verbs.VerbOutcome;
import dev.quarry.agent.verbs.Verbs;
import dev.quarry.ssh.ChannelCommand;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.ExecutorService;

/** An exec request carrying a verb: its JSON answer on stdout (status 0) or its JSON error on stderr. */
final class VerbCommand extends ChannelCommand {
    private final Verbs verbs;
    private final String commandLine;

    VerbCommand(ExecutorService executor, Verbs verbs, String commandLine) {
        super(executor, "the agent");
        this.verbs = verbs;
        this.commandLine = commandLine;
    }

    @Override
    protected int run(InputStream in, OutputStream out, OutputStream err) {
        VerbOutcome outcome = verbs.run(commandLine, in);
        writeLine(outcome.succeeded() ? out : err, outcome.json());
        return outcome.exitCode();
    }
}
