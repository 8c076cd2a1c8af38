package dev.quarry.agent.client;

import dev.quarry.agent.runtime.RuntimeFailure;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.session.ClientSession;

/** The SSH session to one agent, opened on first use and again after it closed. */
final class AgentSession implements AutoCloseable {
    private static final String USER = "quarry";

    private final SshClient client;
    private final String host;
    private final int port;
    private final Duration timeout;
    private final Path knownHosts;
    private ClientSession session;

    AgentSession(SshClient client, String host, int port, Duration timeout, Path knownHosts) {
        this.client = client;
        this.host = host;
        this.port = port;
        this.timeout = timeout;
        this.knownHosts = knownHosts;
    }

    /** A session of its own to the same agent: a new TCP connection and SSH handshake on its first use. */
    AgentSession fresh() {
        return new AgentSession(client, host, port, timeout, knownHosts);
    }

    /** {@code agent HOST:PORT}, how messages name it. */
    String name() {
        return "agent " + (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }

    synchronized ClientSession open() {
        if (session != null && session.isOpen()) {
            return session;
        }
        ClientSession opened = null;
        try {
            opened = client.connect(USER, host, port).verify(timeout).getClientSession();
            opened.auth().verify(timeout);
            session = opened;
            return opened;
        } catch (IOException | RuntimeException e) {
            closeQuietly(opened);
            throw new AgentException(name() + " did not answer: " + reason(e), e);
        }
    }

    private String reason(Exception e) {
        String reason = RuntimeFailure.firstLine(e);
        String lower = reason.toLowerCase(Locale.ROOT);
        if (lower.contains("server key did not validate") || lower.contains("key verifier")) {
            return "its host key is not the one in " + knownHosts + "; if the agent was reinstalled, remove its"
                    + " line from that file";
        }
        if (lower.contains("no more authentication methods") || lower.contains("authentication")) {
            return "it refused HQ's key; put HQ's public key in the agent's hq.pub (or its --hq-key file)";
        }
        if (lower.contains("within specified timeout")) {
            return "no answer within " + timeout.toMillis() + " ms; check that it runs and that its firewall lets"
                    + " HQ in";
        }
        return lower.contains("connection refused") ? "connection refused" : reason;
    }

    @Override
    public synchronized void close() {
        closeQuietly(session);
        session = null;
    }

    private static void closeQuietly(ClientSession session) {
        if (session != null) {
            try {
                session.close();
            } catch (IOException e) {
                // closing is best effort
            }
        }
    }
}
