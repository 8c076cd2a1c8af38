package dev.quarry.agent.ssh;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import org.apache.sshd.common.AttributeRepository.AttributeKey;
import org.apache.sshd.common.channel.PtyMode;
import org.apache.sshd.common.channel.RequestHandler;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.session.ServerSession;

/**
 * A session channel that allows one exec and nothing else: pty, agent and X11 requests fail and
 * turn the channel's command into a refusal; subsystems and shells are refusals; env requests fail
 * quietly (OpenSSH sends LANG unasked).
 */
final class RefusingChannelSession extends ChannelSession {
    /** Why every command on a session is refused (it asked for port forwarding), if it is. */
    static final AttributeKey<String> SESSION_REFUSAL = new AttributeKey<>();

    private final ExecutorService executor;
    private String refusal;

    RefusingChannelSession(ExecutorService executor) {
        this.executor = executor;
    }

    @Override
    protected RequestHandler.Result handlePtyReqParsed(String term, int columns, int rows, int width, int height,
            Map<PtyMode, Integer> modes) {
        return refuse(Refusals.PTY);
    }

    @Override
    protected RequestHandler.Result handleAgentForwardingParsed(String requestType) {
        return refuse(Refusals.AGENT);
    }

    @Override
    protected RequestHandler.Result handleX11ForwardingParsed(String requestType, ServerSession session,
            boolean singleConnection, String authProtocol, String authCookie, int screenId) {
        return refuse(Refusals.X11);
    }

    @Override
    protected RequestHandler.Result handleEnvParsed(String name, String value) {
        return RequestHandler.Result.ReplyFailure;
    }

    @Override
    protected RequestHandler.Result handleSubsystemParsed(String request, String subsystem) throws IOException {
        commandInstance = new RefusedCommand(executor, Refusals.subsystem(subsystem));
        return prepareChannelCommand(request, commandInstance);
    }

    @Override
    protected RequestHandler.Result handleExecParsed(String request, String commandLine) throws IOException {
        String reason = reason();
        if (reason == null) {
            return super.handleExecParsed(request, commandLine);
        }
        commandInstance = new RefusedCommand(executor, reason);
        return prepareChannelCommand(request, commandInstance);
    }

    @Override
    protected RequestHandler.Result handleShellParsed(String request) throws IOException {
        String reason = reason();
        commandInstance = new RefusedCommand(executor, reason == null ? Refusals.SHELL : reason);
        return prepareChannelCommand(request, commandInstance);
    }

    private RequestHandler.Result refuse(String reason) {
        if (refusal == null) {
            refusal = reason;
        }
        return RequestHandler.Result.ReplyFailure;
    }

    private String reason() {
        return refusal != null ? refusal : getServerSession().getAttribute(SESSION_REFUSAL);
    }
}
