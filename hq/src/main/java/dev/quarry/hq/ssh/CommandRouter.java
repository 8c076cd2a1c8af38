package dev.quarry.hq.ssh;

import dev.quarry.hq.access.AccessControl;
import dev.quarry.hq.access.Caller;
import dev.quarry.hq.access.HintSyntax;
import dev.quarry.hq.commands.Verbs;
import dev.quarry.hq.git.FetchService;
import dev.quarry.hq.git.PushService;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.concurrent.ExecutorService;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;
import org.apache.sshd.server.command.CommandFactory;
import org.apache.sshd.server.session.ServerSession;

/**
 * Turns an exec request's command line into the command that serves it (or refuses it), with the caller
 * (key, address, tool) each command asks before it touches anything.
 */
public final class CommandRouter implements CommandFactory {
    private final PushService pushes;
    private final FetchService fetches;
    private final Verbs verbs;
    private final AccessControl access;
    private final ExecutorService executor;

    public CommandRouter(PushService pushes, FetchService fetches, Verbs verbs, AccessControl access,
            ExecutorService executor) {
        this.pushes = pushes;
        this.fetches = fetches;
        this.verbs = verbs;
        this.access = access;
        this.executor = executor;
    }

    @Override
    public Command createCommand(ChannelSession channel, String commandLine) {
        ServerSession session = channel.getServerSession();
        String user = session.getAttribute(Sessions.USER);
        if (user == null) {
            return new RefusedCommand(executor, "not authenticated", "?");
        }
        Caller caller = access.caller(user, address(session.getClientAddress()),
                HintSyntax.ofClient(session.getClientVersion()));
        return switch (CommandLineParser.parse(commandLine)) {
            case ParsedCommand.Push push -> new GitPushCommand(executor, pushes, push.app(), caller);
            case ParsedCommand.Fetch fetch -> new GitFetchCommand(executor, fetches, fetch.app(), caller);
            case ParsedCommand.Verb verb -> new VerbCommand(executor, verbs, verb, caller);
            case ParsedCommand.Refused refused -> new RefusedCommand(executor, refused.reason(), user);
        };
    }

    private static String address(SocketAddress address) {
        if (address instanceof InetSocketAddress inet) {
            return inet.getAddress() != null ? inet.getAddress().getHostAddress() : inet.getHostString();
        }
        return String.valueOf(address);
    }
}
