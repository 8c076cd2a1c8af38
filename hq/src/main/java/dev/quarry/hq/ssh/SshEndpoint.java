package dev.quarry.hq.ssh;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PublicKey;
import java.util.List;
import java.util.concurrent.ExecutorService;
import org.apache.sshd.common.channel.ChannelFactory;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.global.KeepAliveHandler;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.core.CoreModuleProperties;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.auth.pubkey.PublickeyAuthenticator;
import org.apache.sshd.server.auth.pubkey.UserAuthPublicKeyFactory;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.CommandFactory;
import org.apache.sshd.server.forward.RejectAllForwardingFilter;
import org.apache.sshd.server.global.NoMoreSessionsHandler;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;
import org.apache.sshd.server.session.ServerUserAuthServiceFactory;

/**
 * HQ's SSH server (Apache MINA SSHD, with strict key exchange against Terrapin): public-key auth
 * only, exec requests only; shells, ptys, forwarding of every kind, subsystems and env are refused.
 */
public final class SshEndpoint implements AutoCloseable {
    private final SshServer server;
    private final PublicKey hostKey;

    private SshEndpoint(SshServer server, PublicKey hostKey) {
        this.server = server;
        this.hostKey = hostKey;
    }

    /**
     * Starts listening.
     *
     * @param hostKeyFile made on first start (ECDSA P-256) and reused after
     */
    public static SshEndpoint start(InetSocketAddress listen, Path hostKeyFile, PublickeyAuthenticator keys,
            CommandFactory commands, ExecutorService executor) throws IOException {
        SimpleGeneratorHostKeyProvider hostKeys = new SimpleGeneratorHostKeyProvider(hostKeyFile);
        hostKeys.setAlgorithm(KeyUtils.EC_ALGORITHM);
        hostKeys.setKeySize(256);
        List<KeyPair> pairs = hostKeys.loadKeys(null);
        SshServer server = SshServer.setUpDefaultServer();
        server.setHost(listen.getHostString());
        server.setPort(listen.getPort());
        server.setKeyPairProvider(hostKeys);
        server.setUserAuthFactories(List.of(new UserAuthPublicKeyFactory()));
        server.setPublickeyAuthenticator(keys);
        server.setPasswordAuthenticator(null);
        server.setKeyboardInteractiveAuthenticator(null);
        server.setGSSAuthenticator(null);
        server.setHostBasedAuthenticator(null);
        refuseEverythingButExec(server, executor);
        server.setCommandFactory(commands);
        CoreModuleProperties.SERVER_IDENTIFICATION.set(server, "QuarryHQ");
        server.start();
        return new SshEndpoint(server, pairs.getFirst().getPublic());
    }

    private static void refuseEverythingButExec(SshServer server, ExecutorService executor) {
        ChannelFactory sessions = new ChannelFactory() {
            @Override
            public String getName() {
                return "session";
            }

            @Override
            public ChannelSession createChannel(Session session) {
                return new RefusingChannelSession(executor);
            }
        };
        server.setChannelFactories(List.of(sessions));
        server.setServiceFactories(List.of(ServerUserAuthServiceFactory.INSTANCE,
                new SessionOnlyConnectionServiceFactory()));
        server.setGlobalRequestHandlers(List.of(KeepAliveHandler.INSTANCE, NoMoreSessionsHandler.INSTANCE,
                new ForwardingRequestRefusal()));
        server.setForwardingFilter(RejectAllForwardingFilter.INSTANCE);
        server.setAgentFactory(null);
        server.setShellFactory(channel -> new RefusedCommand(executor, Refusals.SHELL, String.valueOf(
                channel.getServerSession().getAttribute(Sessions.USER))));
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
