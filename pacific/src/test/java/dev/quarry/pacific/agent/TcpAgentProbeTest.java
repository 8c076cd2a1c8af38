package dev.quarry.pacific.agent;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The real probe against real loopback sockets. */
class TcpAgentProbeTest {
    private final TcpAgentProbe probe = new TcpAgentProbe(Duration.ofSeconds(2));

    @Test
    void anAgentListeningAnswers() throws Exception {
        try (ServerSocket agent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assertTrue(probe.answers("127.0.0.1", agent.getLocalPort()));
        }
    }

    @Test
    void aClosedPortDoesNotAnswer() throws Exception {
        int port;
        try (ServerSocket gone = new ServerSocket()) {
            gone.bind(new InetSocketAddress("127.0.0.1", 0));
            port = gone.getLocalPort();
        }
        assertFalse(probe.answers("127.0.0.1", port));
    }

    @Test
    void anAgentOnAnotherLoopbackAddressAnswersThereOnly() throws Exception {
        try (ServerSocket agent = new ServerSocket()) {
            agent.bind(new InetSocketAddress("127.0.3.7", 0));
            assertTrue(probe.answers("127.0.3.7", agent.getLocalPort()));
            assertFalse(probe.answers("127.0.3.8", agent.getLocalPort()));
        }
    }
}
