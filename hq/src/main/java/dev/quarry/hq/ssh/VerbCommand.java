package dev.quarry.hq.ssh;

import dev.quarry.hq.commands.Verbs;
import dev.quarry.ssh.ChannelCommand;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.ExecutorService;

/** A quarry verb such as {@code apps} or {@code rollback shop 2}. */
final class VerbCommand extends ChannelCommand {
    private final Verbs verbs;
    private final ParsedCommand.Verb verb;
    private final String user;

    VerbCommand(ExecutorService executor, Verbs verbs, ParsedCommand.Verb verb, String user) {
        super(executor, "HQ");
        this.verbs = verbs;
        this.verb = verb;
        this.user = user;
    }

    @Override
    protected int run(InputStream in, OutputStream out, OutputStream err) throws InterruptedException {
        return verbs.run(verb.name(), verb.arguments(), user, this::clientConnected, out, err);
    }
}
