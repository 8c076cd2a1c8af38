package dev.quarry.agent.ssh;

import dev.quarry.agent.verbs.VerbOutcome;
import dev.quarry.agent.verbs.Verbs;
import dev.quarry.ssh.ChannelCommand;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.ExecutorService;

/**
 * An exec request carrying a verb: its JSON answer on stdout (status 0) or its JSON error on stderr;
 * before it, {@code prepare}, {@code run-hook} and {@code run-once} write each output line of their build, hook
 * or command on stdout as {@code | LINE} while it runs ({@code run-once} kills its command when HQ leaves). {@code send-build} answers a tar stream on stdout instead of JSON.
 */
final class VerbCommand extends ChannelCommand {
    /** What starts a progress line on stdout; an answer (JSON) never does. */
    static final String PROGRESS = "| ";

    private final Verbs verbs;
    private final String commandLine;

    VerbCommand(ExecutorService executor, Verbs verbs, String commandLine) {
        super(executor, "the agent");
        this.verbs = verbs;
        this.commandLine = commandLine;
    }

    @Override
    protected int run(InputStream in, OutputStream out, OutputStream err) {
        if (Verbs.streams(commandLine)) {
            VerbOutcome streamed = verbs.runStreaming(commandLine, out);
            if (!streamed.succeeded()) {
                writeLine(err, streamed.json());
            }
            return streamed.exitCode();
        }
        VerbOutcome outcome = verbs.run(commandLine, in, line -> writeProgress(out, line), this::clientConnected);
        writeLine(outcome.succeeded() ? out : err, outcome.json());
        return outcome.exitCode();
    }

    /** A build's or hook's line while it runs: {@code | TEXT} on stdout, before the answer. */
    private static void writeProgress(OutputStream out, String line) {
        synchronized (out) {
            writeLine(out, PROGRESS + line);
        }
    }
}
