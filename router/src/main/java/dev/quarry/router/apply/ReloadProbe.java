package dev.quarry.router.apply;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Knows a reload has finished when nginx's loopback-only {@code /.quarry/generation} answers the new
 * generation several times in a row: new workers serve the new configuration and old ones stopped
 * taking connections.
 */
final class ReloadProbe {
    private static final int IN_A_ROW = 3;
    /** No stack can route this host (domains have no underscore), so only the default server answers it. */
    private static final String HOST = "quarry_router";
    private final String host;
    private final int port;

    ReloadProbe(String host, int port) {
        this.host = host;
        this.port = port;
    }

    void awaitGeneration(long generation, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        int seen = 0;
        String last = "no answer";
        while (seen < IN_A_ROW) {
            if (System.nanoTime() > deadline) {
                throw new IOException("nginx did not serve generation " + generation + " within " + timeout.toMillis()
                        + " ms (last answer: " + last + ")");
            }
            try {
                last = fetch();
                seen = last.equals(Long.toString(generation)) ? seen + 1 : 0;
            } catch (IOException e) {
                last = e.getMessage();
                seen = 0;
            }
            if (seen < IN_A_ROW) {
                Thread.sleep(seen == 0 ? 20 : 5);
            }
        }
    }

    private String fetch() throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 1000);
            socket.setSoTimeout(1000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET /.quarry/generation HTTP/1.0\r\nHost: " + HOST + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String response = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
            int body = response.indexOf("\r\n\r\n");
            if (!response.startsWith("HTTP/1.1 200") || body < 0) {
                throw new IOException("unexpected answer " + response.lines().findFirst().orElse("(empty)"));
            }
            return response.substring(body + 4).strip();
        }
    }
}
