package dev.quarry.router;

import dev.quarry.router.model.Endpoint;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * A websocket echo app on a loopback port (RFC 6455: the handshake, then each short text frame sent
 * back), and a client for it; enough to see that the router forwards an upgrade and keeps it open.
 */
final class WebsocketEcho implements AutoCloseable {
    private static final String GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

    private final ServerSocket server;
    private final List<Socket> accepted = new ArrayList<>();
    private final Thread acceptor;

    WebsocketEcho() throws IOException {
        server = new ServerSocket(0, 16, InetAddress.getLoopbackAddress());
        acceptor = Thread.ofVirtual().start(this::acceptAll);
    }

    Endpoint endpoint() {
        return new Endpoint("127.0.0.1", server.getLocalPort());
    }

    private void acceptAll() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                synchronized (accepted) {
                    accepted.add(socket);
                }
                Thread.ofVirtual().start(() -> echo(socket));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private static void echo(Socket socket) {
        try (socket) {
            InputStream in = socket.getInputStream();
            OutputStream out = socket.getOutputStream();
            String request = headers(in);
            String key = header(request, "sec-websocket-key");
            if (!header(request, "upgrade").equalsIgnoreCase("websocket") || key.isEmpty()) {
                out.write("HTTP/1.1 400 Bad Request\r\nContent-Length: 14\r\nConnection: close\r\n\r\nno websocket\r\n"
                        .getBytes(StandardCharsets.US_ASCII));
                return;
            }
            out.write(("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                    + "Sec-WebSocket-Accept: " + accept(key) + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            while (true) {
                out.write(frame(readFrame(new DataInputStream(in)), false));
                out.flush();
            }
        } catch (IOException ended) {
            // the client or the router closed the connection
        }
    }

    /** Opens a websocket to the router as {@code host}; returns the open socket after the 101 answer. */
    static Socket connect(int port, String host) throws IOException {
        Socket socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout(5000);
        String key = Base64.getEncoder().encodeToString("sixteen byte key".getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().write(("GET /chat HTTP/1.1\r\nHost: " + host + "\r\nUpgrade: websocket\r\n"
                + "Connection: Upgrade\r\nSec-WebSocket-Key: " + key + "\r\nSec-WebSocket-Version: 13\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        String answer = headers(socket.getInputStream());
        if (!answer.startsWith("HTTP/1.1 101") || !header(answer, "sec-websocket-accept").equals(accept(key))) {
            socket.close();
            throw new IOException("no websocket upgrade: " + answer);
        }
        return socket;
    }

    /** Sends a text message on an open websocket and returns the text that comes back. */
    static String exchange(Socket socket, String text) throws IOException {
        socket.getOutputStream().write(frame(text.getBytes(StandardCharsets.UTF_8), true));
        socket.getOutputStream().flush();
        return new String(readFrame(new DataInputStream(socket.getInputStream())), StandardCharsets.UTF_8);
    }

    private static byte[] frame(byte[] payload, boolean masked) {
        if (payload.length > 125) {
            throw new IllegalArgumentException("only short frames");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0x81);
        out.write((masked ? 0x80 : 0) | payload.length);
        byte[] mask = {1, 2, 3, 4};
        if (masked) {
            out.writeBytes(mask);
        }
        for (int i = 0; i < payload.length; i++) {
            out.write(masked ? payload[i] ^ mask[i % 4] : payload[i]);
        }
        return out.toByteArray();
    }

    private static byte[] readFrame(DataInputStream in) throws IOException {
        in.readUnsignedByte();
        int second = in.readUnsignedByte();
        int length = second & 0x7f;
        byte[] mask = new byte[4];
        if ((second & 0x80) != 0) {
            in.readFully(mask);
        }
        byte[] payload = new byte[length];
        in.readFully(payload);
        for (int i = 0; i < length; i++) {
            payload[i] ^= mask[i % 4];
        }
        return payload;
    }

    private static String headers(InputStream in) throws IOException {
        StringBuilder text = new StringBuilder();
        while (!text.toString().endsWith("\r\n\r\n")) {
            int next = in.read();
            if (next < 0) {
                throw new IOException("connection closed during the headers: " + text);
            }
            text.append((char) next);
        }
        return text.toString();
    }

    private static String header(String headers, String name) {
        for (String line : headers.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().toLowerCase(Locale.ROOT).equals(name)) {
                return line.substring(colon + 1).trim();
            }
        }
        return "";
    }

    private static String accept(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1").digest((key + GUID).getBytes(StandardCharsets.US_ASCII));
            return Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() throws IOException, InterruptedException {
        server.close();
        acceptor.join();
        synchronized (accepted) {
            for (Socket socket : accepted) {
                socket.close();
            }
        }
    }
}
