package dev.quarry.pacific.local;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/**
 * The stand-in agent process of the local tests: listens on ADDRESS:PORT and accepts connections until killed.
 * With {@code --silent} it only sleeps, like an agent that never comes up.
 */
public final class LoopbackListener {
    private LoopbackListener() {}

    public static void main(String[] args) throws IOException, InterruptedException {
        System.out.println("stand-in agent " + String.join(" ", args));
        if (args[0].equals("--silent")) {
            System.out.println("not listening on purpose");
            Thread.sleep(Long.MAX_VALUE);
        }
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(args[0], Integer.parseInt(args[1])));
            while (true) {
                socket.accept().close();
            }
        }
    }
}
