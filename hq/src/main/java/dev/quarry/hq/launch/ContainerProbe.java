package dev.quarry.hq.launch;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;

/** Whether a container answers on its address and port, asked directly (not through its agent). */
@FunctionalInterface
public interface ContainerProbe {
    /** Connects over TCP, waiting at most 500 ms. */
    ContainerProbe TCP = (host, port) -> {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    };

    boolean answers(String host, int port);
}
