package dev.quarry.ssh;

import java.io.IOException;
import java.util.function.UnaryOperator;
import org.apache.sshd.common.Service;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.server.session.AbstractServerSession;
import org.apache.sshd.server.session.ServerConnectionServiceFactory;

/** Makes {@link SessionOnlyConnectionService}s. */
final class SessionOnlyConnectionServiceFactory extends ServerConnectionServiceFactory {
    private final UnaryOperator<String> reason;

    SessionOnlyConnectionServiceFactory(UnaryOperator<String> reason) {
        this.reason = reason;
    }

    @Override
    public Service create(Session session) throws IOException {
        SessionOnlyConnectionService service =
                new SessionOnlyConnectionService((AbstractServerSession) session, reason);
        service.addPortForwardingEventListenerManager(this);
        return service;
    }
}
