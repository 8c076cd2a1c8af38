package dev.quarry.agent.client;

import static java.util.Objects.requireNonNull;

import java.net.SocketAddress;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PublicKey;
import java.util.Iterator;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.config.hosts.HostConfigEntryResolver;
import org.apache.sshd.client.keyverifier.KnownHostsServerKeyVerifier;
import org.apache.sshd.client.keyverifier.RejectAllServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.keyprovider.FileKeyPairProvider;
import org.apache.sshd.common.keyprovider.KeyIdentityProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One SSH client (Apache MINA SSHD) with HQ's key pair, shared by the AgentClients of many agents.
 * Host keys are checked against a known_hosts file the caller names; see {@link HostKeyPolicy}.
 */
public final class AgentConnector implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AgentConnector.class);

    private final SshClient client;
    private final AgentTimeouts timeouts;
    private final Path knownHosts;

    private AgentConnector(SshClient client, AgentTimeouts timeouts, Path knownHosts) {
        this.client = client;
        this.timeouts = timeouts;
        this.knownHosts = knownHosts;
    }

    public static AgentConnector open(KeyPair hqKey, Path knownHosts, HostKeyPolicy policy, AgentTimeouts timeouts) {
        requireNonNull(hqKey, "hqKey is null");
        requireNonNull(knownHosts, "knownHosts is null");
        SshClient client = SshClient.setUpDefaultClient();
        client.setHostConfigEntryResolver(HostConfigEntryResolver.EMPTY);
        client.setKeyIdentityProvider(KeyIdentityProvider.wrapKeyPairs(hqKey));
        client.setServerKeyVerifier(new KnownHostsServerKeyVerifier(policy == HostKeyPolicy.TRUST_FIRST_USE
                ? AgentConnector::trustOnFirstUse : RejectAllServerKeyVerifier.INSTANCE, knownHosts));
        client.start();
        return new AgentConnector(client, timeouts, knownHosts);
    }

    /** Called only for an agent not yet in known_hosts; the verifier then records its key there. */
    private static boolean trustOnFirstUse(ClientSession session, SocketAddress address, PublicKey key) {
        LOG.info("trusting the host key {} of the agent at {} on first use; it is now in known_hosts",
                KeyUtils.getFingerPrint(key), address);
        return true;
    }

    /** Reads an unencrypted private key file, such as one ssh-keygen made (ed25519, ecdsa or rsa). */
    public static KeyPair readKeyPair(Path privateKey) {
        Iterator<KeyPair> pairs;
        try {
            pairs = new FileKeyPairProvider(privateKey).loadKeys(null).iterator();
            if (pairs.hasNext()) {
                return pairs.next();
            }
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("cannot read the key " + privateKey + ": " + e.getMessage()
                    + "; give an unencrypted OpenSSH private key", e);
        }
        throw new IllegalArgumentException("no key pair in " + privateKey + "; give an OpenSSH private key file");
    }

    /** A client for the agent at {@code host:port}; it connects on its first call. */
    public AgentClient client(String host, int port) {
        return new AgentClient(new AgentSession(client, host, port, timeouts.connect(), knownHosts), timeouts);
    }

    @Override
    public void close() {
        client.stop();
    }
}
