package dev.quarry.ssh;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.sshd.common.AttributeRepository.AttributeKey;
import org.apache.sshd.common.SshConstants;
import org.apache.sshd.common.channel.ChannelOutputStream;
import org.apache.sshd.common.channel.PtyMode;
import org.apache.sshd.common.channel.RequestHandler;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.session.ServerSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A session channel that allows one exec and nothing else: agent and X11 requests fail and turn the
 * channel's command into a refusal; a pty request fails as its {@link TerminalRefusal} says; shells and
 * subsystems (sftp) get a refusal as their command; env requests fail quietly (OpenSSH sends LANG
 * unasked, and a refused env must not break a push).
 */
final class RefusingChannelSession extends ChannelSession {
    /** Why every command on a session is refused (it asked for port forwarding), if it is. */
    static final AttributeKey<String> SESSION_REFUSAL = new AttributeKey<>();

    private static final Logger LOG = LoggerFactory.getLogger(RefusingChannelSession.class);

    private final RefusalReasons reasons;
    private final RefusedCommandFactory refusals;
    private String refusal;

    RefusingChannelSession(RefusalReasons reasons, RefusedCommandFactory refusals) {
        this.reasons = reasons;
        this.refusals = refusals;
    }

    @Override
    protected RequestHandler.Result handlePtyReqParsed(String term, int columns, int rows, int width, int height,
            Map<PtyMode, Integer> modes) throws IOException {
        return switch (reasons.terminal()) {
            case TerminalRefusal.RefuseCommand command -> refuse(command.reason());
            case TerminalRefusal.WriteAtOnce notice -> writeAtOnce(notice.line());
        };
    }

    @Override
    protected RequestHandler.Result handleAgentForwardingParsed(String requestType) {
        return refuse(reasons.agentForwarding());
    }

    @Override
    protected RequestHandler.Result handleX11ForwardingParsed(String requestType, ServerSession session,
            boolean singleConnection, String authProtocol, String authCookie, int screenId) {
        return refuse(reasons.x11Forwarding());
    }

    @Override
    protected RequestHandler.Result handleEnvParsed(String name, String value) {
        LOG.debug("env request {} refused", name.replaceAll("\\p{Cntrl}", "?"));
        return RequestHandler.Result.ReplyFailure;
    }

    @Override
    protected RequestHandler.Result handleSubsystemParsed(String request, String subsystem) throws IOException {
        commandInstance = refusals.refuse(this, reasons.subsystem().apply(subsystem));
        return prepareChannelCommand(request, commandInstance);
    }

    @Override
    protected RequestHandler.Result handleExecParsed(String request, String commandLine) throws IOException {
        String reason = reason();
        if (reason == null) {
            return super.handleExecParsed(request, commandLine);
        }
        commandInstance = refusals.refuse(this, reason);
        return prepareChannelCommand(request, commandInstance);
    }

    @Override
    protected RequestHandler.Result handleShellParsed(String request) throws IOException {
        String reason = reason();
        commandInstance = refusals.refuse(this, reason == null ? reasons.shell() : reason);
        return prepareChannelCommand(request, commandInstance);
    }

    private RequestHandler.Result writeAtOnce(String line) throws IOException {
        ChannelOutputStream stderr = new ChannelOutputStream(this, getRemoteWindow(), log,
                SshConstants.SSH_MSG_CHANNEL_EXTENDED_DATA, false);
        stderr.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        stderr.flush();
        return RequestHandler.Result.ReplyFailure;
    }

    private RequestHandler.Result refuse(String reason) {
        if (refusal == null) {
            refusal = reason;
        }
        return RequestHandler.Result.ReplyFailure;
    }

    /** This channel's refusal, or its session's (it asked for port forwarding), or null. */
    private String reason() {
        return refusal != null ? refusal : getServerSession().getAttribute(SESSION_REFUSAL);
    }
}
