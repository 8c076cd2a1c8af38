package dev.quarry.router;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** One HTTP/1.0 request on a new connection, with a Host header: what a browser's first request looks like. */
final class Http {
    record Response(int status, String headers, String body) {}

    private Http() {}

    static Response get(int port, String host) throws IOException {
        return get(port, host, "/");
    }

    static Response get(int port, String host, String path) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 2000);
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.0\r\nHost: " + host + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int end = response.indexOf("\r\n\r\n");
            if (!response.startsWith("HTTP/1.") || end < 0) {
                throw new IOException("not an HTTP response: " + response);
            }
            int status = Integer.parseInt(response.substring(9, 12));
            return new Response(status, response.substring(0, end), response.substring(end + 4));
        }
    }
}
