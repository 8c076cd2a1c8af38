package dev.quarry.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * HTTP/1.0 GET over a plain socket to a loopback address, with any Host header (what a router routes
 * by; Java's HttpClient will not send one of our choosing).
 */
public final class LoopbackHttp {
    private static final int TIMEOUT_MILLIS = 20_000;

    /**
     * An answer.
     *
     * @param status the status code, such as 200
     * @param body the body as UTF-8
     */
    public record Answer(int status, String body) { }

    private LoopbackHttp() {}

    /** {@code GET path} on {@code address:port} with {@code Host: host}; fails on anything but loopback. */
    public static Answer get(String address, int port, String host, String path) {
        if (!address.startsWith("127.")) {
            throw new AssertionError("tests talk to loopback only, not " + address);
        }
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address, port), TIMEOUT_MILLIS);
            socket.setSoTimeout(TIMEOUT_MILLIS);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.0\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return parse(socket.getInputStream());
        } catch (IOException e) {
            throw new AssertionError("GET http://" + host + path + " through " + address + ":" + port + " failed: "
                    + e.getMessage(), e);
        }
    }

    private static Answer parse(InputStream in) throws IOException {
        String response = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        int headersEnd = response.indexOf("\r\n\r\n");
        String statusLine = response.lines().findFirst().orElse("");
        String[] words = statusLine.split(" ");
        if (words.length < 2 || !words[1].matches("[0-9]{3}")) {
            throw new IOException("not an HTTP answer: " + statusLine);
        }
        String body = headersEnd < 0 ? "" : response.substring(headersEnd + 4);
        return new Answer(Integer.parseInt(words[1]), body);
    }
}
