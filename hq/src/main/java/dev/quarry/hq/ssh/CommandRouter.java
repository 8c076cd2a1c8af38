package dev.quarry.hq.ssh;

import dev.quarry.hq.commands.Verbs;
import dev.quarry.hq.git.FetchService;
import dev.quarry.hq.git.PushService;
import java.util.concurrent.ExecutorService;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;
import org.apache.sshd.server.command.CommandFactory;

/** Turns an exec request's command line into the command that serves it (or refuses it). */
public final class CommandRouter implements CommandFactory {
    private final PushService pushes;
    private final FetchService fetches;
    private final Verbs verbs;
    private final ExecutorService executor;

    public CommandRouter(PushService pushes, FetchService fetches, Verbs verbs, ExecutorService executor) {
        this.pushes = pushes;
        this.fetches = fetches;
        this.verbs = verbs;
        this.executor = executor;
    }

    @Override
    public Command createCommand(ChannelSession channel, String commandLine) {
        String user = channel.getServerSession().getAttribute(Sessions.USER);
        if (user == null) {
            return new RefusedCommand(executor, "not authenticated", "?");
        }
        return switch (CommandLineParser.parse(commandLine)) {
            case ParsedCommand.Push push -> new GitPushCommand(executor, pushes, push.app(), user);
            case ParsedCommand.Fetch fetch -> new GitFetchCommand(executor, fetches, fetch.app());
            case ParsedCommand.Verb verb -> new VerbCommand(executor, verbs, verb, user);
            case ParsedCommand.Refused refused -> new RefusedCommand(executor, refused.reason(), user);
        };
    }
}
