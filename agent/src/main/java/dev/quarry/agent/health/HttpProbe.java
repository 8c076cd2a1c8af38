package dev.quarry.agent.health;

import dev.quarry.agent.runtime.RuntimeFailure;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;

/** Passes on a 2xx answer to {@code GET http://HOST:PORT/PATH}; redirects are not followed. */
public final class HttpProbe implements Probe {
    private final HttpClient client;
    private final String path;

    public HttpProbe(HttpClient client, String path) {
        this.client = client;
        this.path = path.startsWith("/") ? path : "/" + path;
    }

    /** The client probes share: HTTP/1.1, no redirects, no proxy. */
    public static HttpClient sharedClient() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
    }

    @Override
    public ProbeResult probe(String host, int port, Duration timeout) {
        URI uri = URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port + path);
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout).GET().build();
        try {
            int status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            return new ProbeResult(status >= 200 && status < 300, "GET " + uri + ": HTTP " + status, true);
        } catch (HttpConnectTimeoutException e) {
            return new ProbeResult(false, "GET " + uri + ": " + RuntimeFailure.firstLine(e));
        } catch (HttpTimeoutException e) {
            return new ProbeResult(false, "GET " + uri + ": no answer within " + timeout.toMillis() + " ms", true);
        } catch (IOException e) {
            return new ProbeResult(false, "GET " + uri + ": " + RuntimeFailure.firstLine(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new ProbeResult(false, "GET " + uri + ": interrupted");
        }
    }
}
