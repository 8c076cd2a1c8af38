package dev.quarry.testsupport;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Supplier;

/** Waiting until a starting etcd answers {@code GET /health} with {@code "health":"true"}. */
final class EtcdHealth {
    private static final int TRIES = 600;
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(1);

    private EtcdHealth() {}

    /** Waits a bounded number of tries (about 30 s); fails with etcd's last lines when it ends first or never answers. */
    static void await(Process process, int clientPort, Supplier<String> logTail) {
        URI health = URI.create("http://127.0.0.1:" + clientPort + "/health");
        try (HttpClient client = HttpClient.newBuilder().proxy(HttpClient.Builder.NO_PROXY)
                .connectTimeout(REQUEST_TIMEOUT).build()) {
            for (int tries = 0; tries < TRIES; tries++) {
                if (healthy(client, health)) {
                    return;
                }
                if (!process.isAlive()) {
                    throw new AssertionError("etcd ended (exit " + process.exitValue() + ") before answering on "
                            + health + "; its last lines:\n" + logTail.get());
                }
                pause();
            }
        }
        throw new AssertionError("etcd (pid " + process.pid() + ") never answered on " + health
                + "; its last lines:\n" + logTail.get());
    }

    private static boolean healthy(HttpClient client, URI health) {
        try {
            HttpResponse<String> answer = client.send(HttpRequest.newBuilder(health).timeout(REQUEST_TIMEOUT).build(),
                    HttpResponse.BodyHandlers.ofString());
            return answer.statusCode() == 200 && answer.body().replace(" ", "").contains("\"health\":\"true\"");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for etcd on " + health, e);
        }
    }

    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for etcd", e);
        }
    }
}
