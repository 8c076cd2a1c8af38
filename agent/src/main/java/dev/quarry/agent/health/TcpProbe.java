package dev.quarry.agent.health;

import dev.quarry.agent.runtime.RuntimeFailure;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;

/** Passes once the port accepts a TCP connection: the health of a container without {@code health:}. */
public final class TcpProbe implements Probe {
    @Override
    public ProbeResult probe(String host, int port, Duration timeout) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), (int) Math.max(1, timeout.toMillis()));
            return new ProbeResult(true, "port " + port + " accepts connections");
        } catch (IOException e) {
            return new ProbeResult(false, "connect to " + host + ":" + port + ": " + RuntimeFailure.firstLine(e));
        }
    }
}
