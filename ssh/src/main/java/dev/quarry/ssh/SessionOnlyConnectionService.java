package dev.quarry.ssh;

import java.io.IOException;
import java.util.function.UnaryOperator;
import org.apache.sshd.common.SshConstants;
import org.apache.sshd.common.SshException;
import org.apache.sshd.common.util.buffer.Buffer;
import org.apache.sshd.server.session.AbstractServerSession;
import org.apache.sshd.server.session.ServerConnectionService;

/**
 * The connection service with only session channels: a forwarding channel (ssh -L, -D, -W) is
 * refused at once with a reason OpenSSH prints ("open failed: administratively prohibited: ...").
 */
final class SessionOnlyConnectionService extends ServerConnectionService {
    private final UnaryOperator<String> reason;

    SessionOnlyConnectionService(AbstractServerSession session, UnaryOperator<String> reason) throws SshException {
        super(session);
        this.reason = reason;
    }

    @Override
    protected void channelOpen(Buffer buffer) throws Exception {
        int start = buffer.rpos();
        String type = buffer.getString();
        long sender = buffer.getUInt();
        buffer.rpos(start);
        if ("session".equals(type)) {
            super.channelOpen(buffer);
            return;
        }
        refuse(sender, type);
    }

    private void refuse(long sender, String type) throws IOException {
        String line = reason.apply(type);
        Buffer reply = getSession().createBuffer(SshConstants.SSH_MSG_CHANNEL_OPEN_FAILURE, line.length() + 32);
        sendChannelOpenFailure(reply, sender, SshConstants.SSH_OPEN_ADMINISTRATIVELY_PROHIBITED, line, "");
    }
}
