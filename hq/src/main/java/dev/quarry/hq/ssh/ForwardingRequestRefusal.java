package dev.quarry.hq.ssh;

import org.apache.sshd.common.session.ConnectionService;
import org.apache.sshd.common.session.helpers.AbstractConnectionServiceRequestHandler;
import org.apache.sshd.common.util.buffer.Buffer;

/**
 * Answers remote forwarding requests ({@code ssh -R}) with failure, and marks the session so its
 * command is refused with a reason the user sees (OpenSSH only warns about a failed -R).
 */
final class ForwardingRequestRefusal extends AbstractConnectionServiceRequestHandler {
    @Override
    public Result process(ConnectionService service, String request, boolean wantReply, Buffer buffer)
            throws Exception {
        if (request.equals("tcpip-forward") || request.equals("streamlocal-forward@openssh.com")) {
            if (service.getSession().getAttribute(Sessions.REFUSAL) == null) {
                service.getSession().setAttribute(Sessions.REFUSAL, Refusals.PORT_FORWARDING);
            }
            return Result.ReplyFailure;
        }
        return super.process(service, request, wantReply, buffer);
    }
}
