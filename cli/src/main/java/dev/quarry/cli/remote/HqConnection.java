package dev.quarry.cli.remote;

import dev.quarry.agent.runtime.RuntimeFailure;
import dev.quarry.hq.access.HintSyntax;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.Optional;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.channel.ChannelExec;
import org.apache.sshd.client.channel.ClientChannelEvent;
import org.apache.sshd.client.config.hosts.HostConfigEntryResolver;
import org.apache.sshd.client.keyverifier.KnownHostsServerKeyVerifier;
import org.apache.sshd.client.keyverifier.RejectAllServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.keyprovider.FileKeyPairProvider;
import org.apache.sshd.common.keyprovider.KeyIdentityProvider;
import org.apache.sshd.core.CoreModuleProperties;

/**
 * Runs one command on HQ over SSH (MINA SSHD), its output streamed as it comes; answers HQ's exit status. It
 * names itself {@code SSH-2.0-QuarryCLI}, so HQ's hints come in this tool's syntax ({@code quarry access ...}).
 */
final class HqConnection {
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(15);

    private HqConnection() {}

    static int run(HqTarget target, Path identity, Path knownHosts, String command, Optional<InputStream> in,
            OutputStream out, OutputStream err) throws IOException {
        SshClient client = SshClient.setUpDefaultClient();
        CoreModuleProperties.CLIENT_IDENTIFICATION.set(client, HintSyntax.CLI_IDENTIFICATION);
        client.setHostConfigEntryResolver(HostConfigEntryResolver.EMPTY);
        client.setKeyIdentityProvider(KeyIdentityProvider.wrapKeyPairs(keyPair(identity)));
        KnownHostsServerKeyVerifier verifier = new KnownHostsServerKeyVerifier(RejectAllServerKeyVerifier.INSTANCE,
                knownHosts);
        verifier.setModifiedServerKeyAcceptor((session, address, entry, expected, actual) -> false);
        client.setServerKeyVerifier(verifier);
        client.start();
        try (ClientSession session = connect(client, target)) {
            try (ChannelExec channel = session.createExecChannel(command)) {
                in.ifPresent(channel::setIn);
                channel.setOut(out);
                channel.setErr(err);
                channel.open().verify(CONNECT_TIMEOUT);
                channel.waitFor(EnumSet.of(ClientChannelEvent.CLOSED), 0);
                Integer status = channel.getExitStatus();
                return status == null ? 1 : status;
            }
        } finally {
            client.stop();
        }
    }

    private static ClientSession connect(SshClient client, HqTarget target) throws IOException {
        ClientSession session;
        try {
            session = client.connect(target.user(), target.host(), target.port()).verify(CONNECT_TIMEOUT).getSession();
        } catch (IOException e) {
            throw new IOException("HQ at " + target + " did not answer: " + rootReason(e)
                    + " (is HQ running there? check the address in the git remote quarry or --hq)", e);
        }
        try {
            session.auth().verify(CONNECT_TIMEOUT);
            return session;
        } catch (IOException e) {
            session.close(true);
            throw new IOException("HQ at " + target + " refused us: " + reason(e)
                    + " (is its host key in known_hosts, and your public key in HQ's keys/?)", e);
        }
    }

    /** The innermost cause's words ("Connection refused"), not the SSH library's wrapping of them. */
    private static String rootReason(IOException e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return reason(root);
    }

    private static String reason(Throwable e) {
        return RuntimeFailure.firstLine(e, "the debug output (QUARRY_DEBUG=1)");
    }

    private static KeyPair keyPair(Path identity) throws IOException {
        try {
            Iterator<KeyPair> pairs = new FileKeyPairProvider(identity).loadKeys(null).iterator();
            if (pairs.hasNext()) {
                return pairs.next();
            }
        } catch (RuntimeException e) {
            throw new IOException("cannot read the key " + identity + ": " + e.getMessage()
                    + " (give an unencrypted OpenSSH private key with --identity)", e);
        }
        throw new IOException("no key pair in " + identity + "; give an OpenSSH private key with --identity");
    }
}
