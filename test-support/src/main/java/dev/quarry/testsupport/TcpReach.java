package dev.quarry.testsupport;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;

/** What became of one TCP connection attempt from this machine, bounded to one second. */
public enum TcpReach {
    /** The connection was accepted. */
    CONNECTED,
    /** The host answered with a reset: the packet got through, nothing listens. */
    REFUSED,
    /** No answer within a second: a firewall dropped it. */
    DROPPED;

    private static final int TIMEOUT_MILLIS = 1000;
    private static final int READY_TRIES = 100;

    /** One attempt to {@code address:port}, from {@code source} (an address of this machine) or, when null, any. */
    public static TcpReach attempt(String source, String address, int port) {
        try (Socket socket = new Socket()) {
            if (source != null) {
                socket.bind(new InetSocketAddress(source, 0));
            }
            socket.connect(new InetSocketAddress(address, port), TIMEOUT_MILLIS);
            return CONNECTED;
        } catch (SocketTimeoutException e) {
            return DROPPED;
        } catch (ConnectException e) {
            if (String.valueOf(e.getMessage()).contains("refused")) {
                return REFUSED;
            }
            throw new AssertionError("connecting to " + address + ":" + port + " failed oddly: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new AssertionError("connecting to " + address + ":" + port + " failed oddly: " + e.getMessage(), e);
        }
    }

    /** Tries a bounded number of times (about 100 tries) until {@code address:port} accepts; fails the test if not. */
    public static void awaitListening(String address, int port) {
        for (int tries = 0; tries < READY_TRIES; tries++) {
            if (attempt(null, address, port) == CONNECTED) {
                return;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + address + ":" + port, e);
            }
        }
        throw new AssertionError("nothing accepts on " + address + ":" + port + " after " + READY_TRIES + " tries");
    }
}
