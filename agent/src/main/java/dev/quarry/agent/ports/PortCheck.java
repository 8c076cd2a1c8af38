package dev.quarry.agent.ports;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Whether a port on an address is free for a container to listen on. */
@FunctionalInterface
public interface PortCheck {
    boolean isFree(String host, int port);

    /** Tries to listen on it for a moment. */
    PortCheck BIND = (host, port) -> {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getByName(host), port), 1);
            return true;
        } catch (IOException e) {
            return false;
        }
    };
}
