package dev.quarry.agent.ssh;

import dev.quarry.agent.verbs.Verbs;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
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
import org.apache.sshd.server.forward.RejectAllForwardingFilter;
import org.apache.sshd.server.global.NoMoreSessionsHandler;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;
import org.apache.sshd.server.session.ServerUserAuthServiceFactory;

/**
 * The agent's SSH server: public-key auth with HQ's key only, exec requests carrying a verb only;
 * shells, ptys, forwarding of every kind, subsystems and env requests are refused.
 */
public final class AgentEndpoint implements AutoCloseable {
    private final SshServer server;
    private final PublicKey hostKey;

    private AgentEndpoint(SshServer server, PublicKey hostKey) {
        this.server = server;
        this.hostKey = hostKey;
    }

    /**
     * Starts listening.
     *
     * @param hostKeyFile made on first start (ECDSA P-256) and reused after
     */
    public static AgentEndpoint start(InetSocketAddress listen, Path hostKeyFile, PublickeyAuthenticator keys,
            Verbs verbs, ExecutorService executor) throws IOException {
        Files.createDirectories(hostKeyFile.toAbsolutePath().getParent());
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
        server.setCommandFactory((channel, commandLine) -> new VerbCommand(executor, verbs, commandLine));
        CoreModuleProperties.SERVER_IDENTIFICATION.set(server, "QuarryAgent");
        server.start();
        return new AgentEndpoint(server, pairs.getFirst().getPublic());
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
        server.setShellFactory(channel -> new RefusedCommand(executor, Refusals.SHELL));
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
