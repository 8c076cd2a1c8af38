package dev.quarry.hq.ssh;

import dev.quarry.hq.access.Caller;
import dev.quarry.hq.commands.Verbs;
import dev.quarry.ssh.ChannelCommand;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.ExecutorService;

/** A quarry verb such as {@code apps} or {@code rollback shop 2}. */
final class VerbCommand extends ChannelCommand {
    private final Verbs verbs;
    private final ParsedCommand.Verb verb;
    private final Caller caller;

    VerbCommand(ExecutorService executor, Verbs verbs, ParsedCommand.Verb verb, Caller caller) {
        super(executor, "HQ");
        this.verbs = verbs;
        this.verb = verb;
        this.caller = caller;
    }

    @Override
    protected int run(InputStream in, OutputStream out, OutputStream err) throws InterruptedException {
        return verbs.run(verb.name(), verb.arguments(), caller, this::clientConnected, in, out, err);
    }
}
