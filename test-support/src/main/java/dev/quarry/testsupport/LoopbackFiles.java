package dev.quarry.testsupport;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * A read-only HTTP server on 127.0.0.1 over one folder: {@code GET /a/b} answers the file {@code FOLDER/a/b},
 * a folder answers its {@value #INDEX}, 404 for anything missing, outside the folder or not a plain file. It stands in for a package registry (Maven
 * Central, npm) that tests must not reach: builds pushed in tests download from here, so every byte stays on
 * loopback. A missing {@code FILE.sha1} is answered with FILE's SHA-1, as a Maven repository would. It records the
 * paths asked for.
 */
public final class LoopbackFiles implements AutoCloseable {
    /** What a folder answers (an npm packument at {@code /NAME} next to {@code /NAME/-/NAME-1.0.0.tgz}). */
    public static final String INDEX = "index.json";

    private final Path folder;
    private final HttpServer server;
    private final List<String> asked = new CopyOnWriteArrayList<>();

    private LoopbackFiles(Path folder) throws IOException {
        this.folder = folder.toAbsolutePath().normalize();
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::answer);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.start();
    }

    /** Serves {@code folder} until closed. */
    public static LoopbackFiles serve(Path folder) {
        try {
            return new LoopbackFiles(folder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code http://127.0.0.1:PORT/} */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    }

    /** The paths asked for so far, in order. */
    public List<String> asked() {
        return List.copyOf(asked);
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = URI.create(exchange.getRequestURI().getRawPath()).getPath();
            asked.add(path);
            Path file = folder.resolve(path.replaceFirst("^/+", "")).normalize();
            if (Files.isDirectory(file, LinkOption.NOFOLLOW_LINKS)) {
                file = file.resolve(INDEX);
            }
            if (path.endsWith(".sha1") && !Files.exists(file)) {
                answerChecksum(exchange, folder.resolve(path.replaceFirst("^/+", "").replaceFirst("\\.sha1$", ""))
                        .normalize());
                return;
            }
            boolean readable = ("GET".equals(exchange.getRequestMethod()) || "HEAD".equals(exchange.getRequestMethod()))
                    && served(file);
            if (!readable) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            long size = Files.size(file);
            if ("HEAD".equals(exchange.getRequestMethod())) {
                exchange.getResponseHeaders().set("Content-Length", Long.toString(size));
                exchange.sendResponseHeaders(200, -1);
                return;
            }
            exchange.sendResponseHeaders(200, size == 0 ? -1 : size);
            try (OutputStream body = exchange.getResponseBody()) {
                Files.copy(file, body);
            }
        }
    }

    /** Whether {@code file} (normalized) is a plain file inside the folder: nothing else is ever answered. */
    private boolean served(Path file) {
        return file.startsWith(folder) && Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS);
    }

    /** A Maven repository's {@code FILE.sha1}: the SHA-1 of FILE in hex, computed when asked. */
    private void answerChecksum(HttpExchange exchange, Path file) throws IOException {
        if (!served(file)) {
            exchange.sendResponseHeaders(404, -1);
            return;
        }
        byte[] body;
        try {
            body = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(Files.readAllBytes(file)))
                    .getBytes(StandardCharsets.US_ASCII);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        exchange.sendResponseHeaders(200, "HEAD".equals(exchange.getRequestMethod()) ? -1 : body.length);
        if (!"HEAD".equals(exchange.getRequestMethod())) {
            exchange.getResponseBody().write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
