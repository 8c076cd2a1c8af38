package dev.quarry.agent.client;

import dev.quarry.agent.runtime.RuntimeFailure;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.SshConstants;
import org.apache.sshd.common.util.buffer.Buffer;

/** The SSH session to one agent, opened on first use and again after it closed. */
final class AgentSession implements AutoCloseable {
    private static final String USER = "quarry";
    private static final String KEEPALIVE = "keepalive@openssh.com";
    /**
     * How long heartbeats may go unanswered over a session that is still open before it is dropped (so calls stuck
     * on a dead link end and the next one connects again). A busy agent answering one keepalive late must not lose
     * the session: every call in flight on it (a deploy's health checks) would fail as if the agent were gone.
     */
    static final Duration SILENCE_BEFORE_DROP = Duration.ofSeconds(10);

    private final SshClient client;
    private final String host;
    private final int port;
    private final Duration timeout;
    private final Path knownHosts;
    private ClientSession session;
    private volatile long lastAnswer = System.nanoTime();

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
        return open(timeout);
    }

    /**
     * Sends an SSH keepalive request ({@code keepalive@openssh.com}, wanting a reply) over the kept
     * connection, opening it first if needed, and waits up to {@code wait} for the agent's SSH server to
     * reply; any reply, success or failure, is an answer. Throws {@link AgentException} when none came.
     */
    void heartbeat(Duration wait) {
        try {
            ClientSession open = open(wait);
            Buffer request = open.createBuffer(SshConstants.SSH_MSG_GLOBAL_REQUEST, KEEPALIVE.length() + Byte.SIZE);
            request.putString(KEEPALIVE);
            request.putBoolean(true);
            open.request(KEEPALIVE, request, wait);
            lastAnswer = System.nanoTime();
        } catch (AgentException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            ClientSession current = session;
            if (current == null || !current.isOpen()
                    || System.nanoTime() - lastAnswer > SILENCE_BEFORE_DROP.toNanos()) {
                close();
            }
            throw new AgentException(name() + " did not answer the heartbeat within " + wait.toMillis() + " ms: "
                    + reason(e, wait), e);
        }
    }

    private synchronized ClientSession open(Duration wait) {
        if (session != null && session.isOpen()) {
            return session;
        }
        ClientSession opened = null;
        try {
            opened = client.connect(USER, host, port).verify(wait).getClientSession();
            opened.auth().verify(wait);
            session = opened;
            lastAnswer = System.nanoTime();
            return opened;
        } catch (IOException | RuntimeException e) {
            closeQuietly(opened);
            throw new AgentException(name() + " did not answer: " + reason(e, wait), e);
        }
    }

    private String reason(Exception e, Duration wait) {
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
            return "no answer within " + wait.toMillis() + " ms; check that it runs and that its firewall lets"
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
