package dev.quarry.hq.ssh;

import java.io.IOException;
import org.apache.sshd.common.Service;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.server.session.AbstractServerSession;
import org.apache.sshd.server.session.ServerConnectionServiceFactory;

/** Makes {@link SessionOnlyConnectionService}s. */
final class SessionOnlyConnectionServiceFactory extends ServerConnectionServiceFactory {
    @Override
    public Service create(Session session) throws IOException {
        SessionOnlyConnectionService service = new SessionOnlyConnectionService((AbstractServerSession) session);
        service.addPortForwardingEventListenerManager(this);
        return service;
    }
}
