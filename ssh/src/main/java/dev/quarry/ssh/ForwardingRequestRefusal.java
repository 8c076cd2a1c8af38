package dev.quarry.ssh;

import org.apache.sshd.common.session.ConnectionService;
import org.apache.sshd.common.session.helpers.AbstractConnectionServiceRequestHandler;
import org.apache.sshd.common.util.buffer.Buffer;

/**
 * Answers remote forwarding requests ({@code ssh -R}) with failure, and marks the session so its
 * command is refused with a reason the user sees (OpenSSH only warns about a failed -R).
 */
final class ForwardingRequestRefusal extends AbstractConnectionServiceRequestHandler {
    private final String reason;

    ForwardingRequestRefusal(String reason) {
        this.reason = reason;
    }

    @Override
    public Result process(ConnectionService service, String request, boolean wantReply, Buffer buffer)
            throws Exception {
        if (request.equals("tcpip-forward") || request.equals("streamlocal-forward@openssh.com")) {
            if (service.getSession().getAttribute(RefusingChannelSession.SESSION_REFUSAL) == null) {
                service.getSession().setAttribute(RefusingChannelSession.SESSION_REFUSAL, reason);
            }
            return Result.ReplyFailure;
        }
        return super.process(service, request, wantReply, buffer);
    }
}
