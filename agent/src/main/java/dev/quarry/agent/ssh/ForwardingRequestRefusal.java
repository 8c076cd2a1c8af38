package dev.quarry.agent.ssh;

import org.apache.sshd.common.session.ConnectionService;
import org.apache.sshd.common.session.helpers.AbstractConnectionServiceRequestHandler;
import org.apache.sshd.common.util.buffer.Buffer;

/** Answers remote forwarding requests ({@code ssh -R}) with failure and refuses the session's commands. */
final class ForwardingRequestRefusal extends AbstractConnectionServiceRequestHandler {
    @Override
    public Result process(ConnectionService service, String request, boolean wantReply, Buffer buffer)
            throws Exception {
        if (request.equals("tcpip-forward") || request.equals("streamlocal-forward@openssh.com")) {
            service.getSession().setAttribute(RefusingChannelSession.SESSION_REFUSAL, Refusals.PORT_FORWARDING);
            return Result.ReplyFailure;
        }
        return super.process(service, request, wantReply, buffer);
    }
}
