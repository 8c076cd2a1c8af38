package dev.quarry.pacific.local;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Whether a port on a loopback address is free: tries to listen on it, and lets go at once. */
final class LoopbackPorts {
    private LoopbackPorts() {}

    static boolean canListen(String address, int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(address, port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
