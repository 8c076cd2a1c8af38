package dev.quarry.hq.ssh;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import org.apache.sshd.common.SshConstants;
import org.apache.sshd.common.channel.ChannelOutputStream;
import org.apache.sshd.common.channel.PtyMode;
import org.apache.sshd.common.channel.RequestHandler;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.session.ServerSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A session channel that refuses everything but one exec: agent and X11 requests are answered with
 * failure and make the channel's command a one-line refusal; a pty request is answered with failure
 * and a reason on stderr; subsystems (sftp) get a refusal as their command; env requests are refused
 * quietly (OpenSSH sends LANG unasked, and a refused env must not break a push).
 */
final class RefusingChannelSession extends ChannelSession {
    private static final Logger LOG = LoggerFactory.getLogger(RefusingChannelSession.class);

    private final ExecutorService executor;
    private String refusal;

    RefusingChannelSession(ExecutorService executor) {
        this.executor = executor;
    }

    /**
     * Refused with the reason written to the client's stderr at once: OpenSSH ends the session when
     * a pty it was told to get (-t) is refused, before any command could say why.
     */
    @Override
    protected RequestHandler.Result handlePtyReqParsed(String term, int columns, int rows, int width, int height,
            Map<PtyMode, Integer> modes) throws IOException {
        ChannelOutputStream stderr = new ChannelOutputStream(this, getRemoteWindow(), log,
                SshConstants.SSH_MSG_CHANNEL_EXTENDED_DATA, false);
        stderr.write(("quarry: " + Refusals.PTY + "\n").getBytes(StandardCharsets.UTF_8));
        stderr.flush();
        return RequestHandler.Result.ReplyFailure;
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
        LOG.debug("env request {} refused", Refusals.printable(name));
        return RequestHandler.Result.ReplyFailure;
    }

    @Override
    protected RequestHandler.Result handleSubsystemParsed(String request, String subsystem) throws IOException {
        commandInstance = refused(Refusals.subsystem(subsystem));
        return prepareChannelCommand(request, commandInstance);
    }

    @Override
    protected RequestHandler.Result handleExecParsed(String request, String commandLine) throws IOException {
        String reason = reason();
        if (reason == null) {
            return super.handleExecParsed(request, commandLine);
        }
        commandInstance = refused(reason);
        return prepareChannelCommand(request, commandInstance);
    }

    @Override
    protected RequestHandler.Result handleShellParsed(String request) throws IOException {
        String reason = reason();
        if (reason == null) {
            return super.handleShellParsed(request);
        }
        commandInstance = refused(reason);
        return prepareChannelCommand(request, commandInstance);
    }

    private RequestHandler.Result refuse(String reason) {
        if (refusal == null) {
            refusal = reason;
        }
        return RequestHandler.Result.ReplyFailure;
    }

    /** This channel's refusal, or its session's (it asked for port forwarding), or null. */
    private String reason() {
        return refusal != null ? refusal : getServerSession().getAttribute(Sessions.REFUSAL);
    }

    private RefusedCommand refused(String reason) {
        String user = getServerSession().getAttribute(Sessions.USER);
        return new RefusedCommand(executor, reason, user == null ? "?" : user);
    }
}
