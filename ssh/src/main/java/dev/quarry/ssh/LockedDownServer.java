package dev.quarry.ssh;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.util.List;
import org.apache.sshd.common.channel.ChannelFactory;
import org.apache.sshd.common.global.KeepAliveHandler;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.core.CoreModuleProperties;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.auth.pubkey.UserAuthPublicKeyFactory;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.forward.RejectAllForwardingFilter;
import org.apache.sshd.server.global.NoMoreSessionsHandler;
import org.apache.sshd.server.session.ServerUserAuthServiceFactory;

/**
 * An SSH server (Apache MINA SSHD, with strict key exchange against Terrapin) with public-key auth
 * only and exec requests only; shells, ptys, forwarding of every kind, subsystems and env are refused.
 */
public final class LockedDownServer implements AutoCloseable {
    private final SshServer server;
    private final PublicKey hostKey;

    private LockedDownServer(SshServer server, PublicKey hostKey) {
        this.server = server;
        this.hostKey = hostKey;
    }

    /** Starts listening. */
    public static LockedDownServer start(ServerSettings settings) throws IOException {
        PublicKey hostKey = loadHostKey(settings);
        SshServer server = SshServer.setUpDefaultServer();
        server.setHost(settings.listen().getHostString());
        server.setPort(settings.listen().getPort());
        server.setKeyPairProvider(settings.hostKeys());
        server.setUserAuthFactories(List.of(new UserAuthPublicKeyFactory()));
        server.setPublickeyAuthenticator(settings.authenticator());
        server.setPasswordAuthenticator(null);
        server.setKeyboardInteractiveAuthenticator(null);
        server.setGSSAuthenticator(null);
        server.setHostBasedAuthenticator(null);
        refuseEverythingButExec(server, settings.reasons(), settings.refusals());
        server.setCommandFactory(settings.commands());
        CoreModuleProperties.SERVER_IDENTIFICATION.set(server, settings.identification());
        server.start();
        return new LockedDownServer(server, hostKey);
    }

    /** Loads (or, the first time, makes) the host key before listening. */
    private static PublicKey loadHostKey(ServerSettings settings) throws IOException {
        try {
            return settings.hostKeys().loadKeys(null).iterator().next().getPublic();
        } catch (GeneralSecurityException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    private static void refuseEverythingButExec(SshServer server, RefusalReasons reasons,
            RefusedCommandFactory refusals) {
        ChannelFactory sessions = new ChannelFactory() {
            @Override
            public String getName() {
                return "session";
            }

            @Override
            public ChannelSession createChannel(Session session) {
                return new RefusingChannelSession(reasons, refusals);
            }
        };
        server.setChannelFactories(List.of(sessions));
        server.setServiceFactories(List.of(ServerUserAuthServiceFactory.INSTANCE,
                new SessionOnlyConnectionServiceFactory(reasons.forwardingChannel())));
        server.setGlobalRequestHandlers(List.of(KeepAliveHandler.INSTANCE, NoMoreSessionsHandler.INSTANCE,
                new ForwardingRequestRefusal(reasons.portForwarding())));
        server.setForwardingFilter(RejectAllForwardingFilter.INSTANCE);
        server.setAgentFactory(null);
        server.setShellFactory(channel -> refusals.refuse(channel, reasons.shell()));
        server.setSubsystemFactories(List.of());
    }

    /** The port it listens on (the real one when asked for port 0). */
    public int port() {
        return server.getPort();
    }

    public PublicKey hostKey() {
        return hostKey;
    }

    @Override
    public void close() throws IOException {
        server.stop(true);
    }
}
