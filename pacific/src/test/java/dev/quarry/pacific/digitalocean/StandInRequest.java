package dev.quarry.pacific.digitalocean;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;

/** One request the stand-in received, as the tests assert it. */
record StandInRequest(String method, String path, String query, Map<String, String> headers, String body) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** {@code POST /v2/droplets}. */
    String line() {
        return method + " " + path;
    }

    String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }

    JsonNode json() {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
