package dev.quarry.pacific.digitalocean;

import java.util.HashMap;
import java.util.Map;

/** An answer of the stand-in; {@code linePrefix} is set for answers a test queued. */
record StandInResponse(String linePrefix, int status, String body, Map<String, String> headers) {
    StandInResponse {
        headers = Map.copyOf(headers);
    }

    static StandInResponse json(int status, String body) {
        return new StandInResponse("", status, body, Map.of());
    }

    static StandInResponse noContent() {
        return new StandInResponse("", 204, "", Map.of());
    }

    /** DigitalOcean's error body: {@code {"id":"not_found","message":"..."}}. */
    static StandInResponse error(int status, String id, String message) {
        return json(status, "{\"id\":\"" + id + "\",\"message\":\"" + message + "\"}");
    }

    StandInResponse withHeaders(Map<String, String> more) {
        Map<String, String> all = new HashMap<>(headers);
        all.putAll(more);
        return new StandInResponse(linePrefix, status, body, all);
    }
}
