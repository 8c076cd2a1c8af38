package dev.quarry.pacific.agent;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;

/** An agent answers when a TCP connection to its address and port opens within the timeout. */
public final class TcpAgentProbe implements AgentProbe {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(3);

    private final Duration timeout;

    public TcpAgentProbe(Duration timeout) {
        this.timeout = requireNonNull(timeout, "timeout is null");
        if (timeout.isNegative() || timeout.isZero() || timeout.toMillis() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("probe timeout must be positive and under 24 days, got " + timeout);
        }
    }

    public TcpAgentProbe() {
        this(DEFAULT_TIMEOUT);
    }

    @Override
    public boolean answers(String address, int port) {
        InetSocketAddress target = new InetSocketAddress(address, port);
        if (target.isUnresolved()) {
            return false;
        }
        try (Socket socket = new Socket()) {
            socket.connect(target, (int) timeout.toMillis());
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
