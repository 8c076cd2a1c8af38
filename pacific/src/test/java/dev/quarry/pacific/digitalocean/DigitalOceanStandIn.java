package dev.quarry.pacific.digitalocean;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dev.quarry.pacific.fakes.ManualClock;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A stand-in for the DigitalOcean v2 API on 127.0.0.1, over TLS as {@code api.digitalocean.com}: the endpoints the
 * provider uses, the documented JSON shapes and error bodies, and failures a test can queue (429, 5xx). It checks
 * the bearer token on every request and records every request for the tests to assert.
 */
final class DigitalOceanStandIn implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();

    private final HttpsServer server;
    private final String token;
    private final ManualClock clock;
    private final StandInCloud cloud = new StandInCloud();
    private final List<StandInRequest> requests = new ArrayList<>();
    private final List<StandInResponse> queued = new ArrayList<>();

    private DigitalOceanStandIn(HttpsServer server, String token, ManualClock clock) {
        this.server = server;
        this.token = token;
        this.clock = clock;
    }

    static DigitalOceanStandIn start(String token, ManualClock clock) throws Exception {
        HttpsServer server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(StandInCertificate.get().serverContext()));
        DigitalOceanStandIn standIn = new DigitalOceanStandIn(server, token, clock);
        server.createContext("/", standIn::handle);
        server.start();
        return standIn;
    }

    int port() {
        return server.getAddress().getPort();
    }

    StandInCloud cloud() {
        return cloud;
    }

    /** The next request whose line starts with {@code linePrefix} ("POST /v2/droplets") gets this answer instead. */
    synchronized void queue(String linePrefix, int status, String body, Map<String, String> headers) {
        queued.add(new StandInResponse(linePrefix, status, body, headers));
    }

    void queueRateLimit(String linePrefix, Instant reset) {
        queue(linePrefix, 429, "{\"id\":\"too_many_requests\",\"message\":\"API Rate limit exceeded.\"}",
                Map.of("RateLimit-Limit", "5000", "RateLimit-Remaining", "0",
                        "RateLimit-Reset", Long.toString(reset.getEpochSecond())));
    }

    void queueServerError(String linePrefix, int status) {
        queue(linePrefix, status, "{\"id\":\"server_error\",\"message\":\"Unexpected server-side error\"}", Map.of());
    }

    synchronized List<StandInRequest> requests() {
        return List.copyOf(requests);
    }

    synchronized List<StandInRequest> requests(String linePrefix) {
        return requests.stream().filter(request -> request.line().startsWith(linePrefix)).toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            StandInRequest request = record(exchange);
            StandInResponse response = respond(request);
            byte[] body = response.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
            response.headers().forEach(exchange.getResponseHeaders()::add);
            exchange.sendResponseHeaders(response.status(), response.status() == 204 ? -1 : body.length);
            if (response.status() != 204) {
                exchange.getResponseBody().write(body);
            }
        }
    }

    private synchronized StandInResponse respond(StandInRequest request) {
        if (!("Bearer " + token).equals(request.header("Authorization"))) {
            return StandInResponse.error(401, "unauthorized", "Unable to authenticate you");
        }
        for (StandInResponse waiting : queued) {
            if (request.line().startsWith(waiting.linePrefix())) {
                queued.remove(waiting);
                return waiting;
            }
        }
        StandInResponse answer = cloud.answer(request);
        if (answer.status() < 300) {
            answer = answer.withHeaders(Map.of("RateLimit-Limit", "5000", "RateLimit-Remaining", "4999",
                    "RateLimit-Reset", Long.toString(clock.instant().plusSeconds(60).getEpochSecond())));
        }
        return answer;
    }

    private synchronized StandInRequest record(HttpExchange exchange) throws IOException {
        Map<String, String> headers = new HashMap<>();
        exchange.getRequestHeaders().forEach((name, values) ->
                headers.put(name.toLowerCase(Locale.ROOT), String.join(",", values)));
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        StandInRequest request = new StandInRequest(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                exchange.getRequestURI().getRawQuery() == null ? "" : exchange.getRequestURI().getRawQuery(),
                headers, body);
        requests.add(request);
        return request;
    }

    static JsonNode parse(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            return JSON.createObjectNode();
        }
    }

    static ObjectNode object() {
        return JSON.createObjectNode();
    }
}
