package dev.quarry.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A loopback TCP proxy that forwards client bytes to a server until a threshold, then holds them:
 * a test can freeze a transfer midway (say, a git push half sent) and act on the server while it
 * waits. Bytes from the server to the client always flow.
 */
public final class HoldingTcpProxy implements AutoCloseable {
    private final ServerSocket listener;
    private final int targetPort;
    private final long holdAfterBytes;
    private final AtomicLong forwarded = new AtomicLong();
    private final CountDownLatch held = new CountDownLatch(1);
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private volatile boolean closed;

    /** Forwards 127.0.0.1:{@link #port()} to 127.0.0.1:targetPort, holding client bytes past holdAfterBytes. */
    public HoldingTcpProxy(int targetPort, long holdAfterBytes) {
        this.targetPort = targetPort;
        this.holdAfterBytes = holdAfterBytes;
        try {
            listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread.ofPlatform().daemon().name("proxy-accept").start(this::acceptLoop);
    }

    public int port() {
        return listener.getLocalPort();
    }

    /** Waits until the client has sent holdAfterBytes and the rest is held; false on timeout. */
    public boolean awaitHeld(Duration timeout) throws InterruptedException {
        return held.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    public long forwardedBytes() {
        return forwarded.get();
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket client = listener.accept();
                Socket server = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                sockets.add(client);
                sockets.add(server);
                Thread.ofPlatform().daemon().name("proxy-up").start(() -> pump(client, server, true));
                Thread.ofPlatform().daemon().name("proxy-down").start(() -> pump(server, client, false));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void pump(Socket from, Socket to, boolean upstream) {
        byte[] buffer = new byte[16384];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            int read;
            while ((read = in.read(buffer)) >= 0) {
                int allowed = upstream ? allowance(read) : read;
                out.write(buffer, 0, allowed);
                out.flush();
                if (allowed < read) {
                    held.countDown();
                    waitUntilClosed();
                    return;
                }
            }
        } catch (IOException e) {
            // a closed side ends the pump
        } finally {
            closeQuietly(to);
        }
    }

    private int allowance(int read) {
        long before = forwarded.getAndAdd(read);
        long room = Math.max(0, holdAfterBytes - before);
        return (int) Math.min(read, room);
    }

    private void waitUntilClosed() {
        while (!closed) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        closeQuietly(listener);
        sockets.forEach(HoldingTcpProxy::closeQuietly);
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception ignored) {
            // closing is best effort
        }
    }
}
