package dev.quarry.router;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/**
 * One HTTPS request to the router on 127.0.0.1 for a host name (sent as SNI and checked against the
 * certificate, as a browser does), speaking HTTP/1.0 (or only shaking hands, offering HTTP/2).
 */
final class Https {
    record Response(int status, String headers, String body, String protocol, String alpn, String subject, String serial) {}

    private Https() {}

    /** Over HTTP/1.0 (ALPN http/1.1), reading the answer. */
    static Response get(SSLContext trust, int port, String host, String path) throws IOException {
        return request(trust, port, host, path, new String[] {"http/1.1"});
    }

    /** A handshake offering h2 and http/1.1; the answer is empty when h2 was chosen. */
    static Response handshake(SSLContext trust, int port, String host) throws IOException {
        return request(trust, port, host, "/", new String[] {"h2", "http/1.1"});
    }

    private static Response request(SSLContext trust, int port, String host, String path, String[] alpn)
            throws IOException {
        try (Socket plain = new Socket()) {
            plain.connect(new InetSocketAddress("127.0.0.1", port), 2000);
            plain.setSoTimeout(5000);
            try (SSLSocket socket = (SSLSocket) trust.getSocketFactory().createSocket(plain, host, port, true)) {
                SSLParameters parameters = socket.getSSLParameters();
                parameters.setServerNames(List.of(new SNIHostName(host)));
                parameters.setEndpointIdentificationAlgorithm("HTTPS");
                parameters.setApplicationProtocols(alpn);
                socket.setSSLParameters(parameters);
                socket.startHandshake();
                String chosen = socket.getApplicationProtocol();
                String protocol = socket.getSession().getProtocol();
                X509Certificate leaf = (X509Certificate) socket.getSession().getPeerCertificates()[0];
                String subject = leaf.getSubjectX500Principal().getName();
                String serial = leaf.getSerialNumber().toString(16);
                socket.getSession().invalidate();
                if (chosen.equals("h2")) {
                    return new Response(0, "", "", protocol, chosen, subject, serial);
                }
                OutputStream out = socket.getOutputStream();
                out.write(("GET " + path + " HTTP/1.0\r\nHost: " + host + "\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                out.flush();
                String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                socket.getSession().invalidate(); // a TLS 1.3 ticket read with the answer would resume the next handshake
                int end = response.indexOf("\r\n\r\n");
                if (!response.startsWith("HTTP/1.") || end < 0) {
                    throw new IOException("not an HTTP response: " + response);
                }
                return new Response(Integer.parseInt(response.substring(9, 12)), response.substring(0, end),
                        response.substring(end + 4), protocol, chosen, subject, serial);
            }
        }
    }
}
