package dev.quarry.testsupport;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Continuous load through nginx while something changes: a few threads sending plain HTTP/1.0 GETs, each
 * on a new connection, counting answers that are not 2xx and connections that fail, and the bodies seen.
 * Bounded: every thread stops after {@link #MAX_REQUESTS_PER_THREAD} requests or when stopped.
 */
public final class LoadLoop implements AutoCloseable {
    private static final int MAX_REQUESTS_PER_THREAD = 50_000;
    private static final int TIMEOUT_MILLIS = 10_000;

    private final int port;
    private final String domain;
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final AtomicInteger succeeded = new AtomicInteger();
    private final AtomicInteger failedAnswers = new AtomicInteger();
    private final AtomicInteger connectionErrors = new AtomicInteger();
    private final Set<String> bodies = ConcurrentHashMap.newKeySet();
    private final ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
    private final List<Thread> threads = new ArrayList<>();

    /** The counts once the load stopped. */
    public record Result(int succeeded, int failedAnswers, int connectionErrors, Set<String> bodies,
            List<String> failures) {
        public Result {
            bodies = Set.copyOf(bodies);
            failures = List.copyOf(failures);
        }

        /** Whether some answer's body held {@code text}. */
        public boolean saw(String text) {
            return bodies.stream().anyMatch(body -> body.contains(text));
        }

        /** Requests that failed: an answer other than 2xx, or no answer. */
        public int failed() {
            return failedAnswers + connectionErrors;
        }
    }

    private LoadLoop(int port, String domain) {
        this.port = port;
        this.domain = domain;
    }

    /** Starts {@code threads} threads sending GET / with {@code Host: domain} to 127.0.0.1:port. */
    public static LoadLoop start(int port, String domain, int threads) {
        LoadLoop loop = new LoadLoop(port, domain);
        for (int index = 0; index < threads; index++) {
            Thread thread = Thread.ofPlatform().name("load-" + index).start(loop::run);
            loop.threads.add(thread);
        }
        return loop;
    }

    /** How many requests have been answered or failed so far. */
    public int requests() {
        return succeeded.get() + failedAnswers.get() + connectionErrors.get();
    }

    /** Stops the threads and answers what they saw. */
    public Result stop() throws InterruptedException {
        stopping.set(true);
        for (Thread thread : threads) {
            thread.join();
        }
        return new Result(succeeded.get(), failedAnswers.get(), connectionErrors.get(), bodies,
                new ArrayList<>(failures));
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }

    private void run() {
        for (int request = 0; request < MAX_REQUESTS_PER_THREAD && !stopping.get(); request++) {
            try {
                String answer = get();
                String statusLine = answer.lines().findFirst().orElse("");
                int body = answer.indexOf("\r\n\r\n");
                if (statusLine.matches("HTTP/1\\.[01] 2[0-9][0-9].*")) {
                    succeeded.incrementAndGet();
                    bodies.add(body < 0 ? "" : answer.substring(body + 4));
                } else {
                    failedAnswers.incrementAndGet();
                    note(statusLine);
                }
            } catch (IOException e) {
                connectionErrors.incrementAndGet();
                note(e.toString());
            }
        }
    }

    private String get() throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), TIMEOUT_MILLIS);
            socket.setSoTimeout(TIMEOUT_MILLIS);
            OutputStream out = socket.getOutputStream();
            out.write(("GET / HTTP/1.0\r\nHost: " + domain + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private void note(String failure) {
        if (failures.size() < 20) {
            failures.add(failure);
        }
    }
}
