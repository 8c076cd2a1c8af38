package dev.quarry.pacific.digitalocean;

import java.time.Instant;
import java.util.Optional;
import org.apache.http.Header;
import org.apache.http.HttpResponse;
import org.apache.http.HttpResponseInterceptor;
import org.apache.http.protocol.HttpContext;

/**
 * Remembers, per thread, the status and {@code RateLimit-Reset} of the last response DigitalOcean sent. The API
 * client turns a 429 into an exception without its headers; this interceptor, installed in the HTTP client, keeps
 * what the retry needs to wait exactly until the limit resets.
 */
public final class ResponseWatch implements HttpResponseInterceptor {
    static final String RATE_LIMIT_RESET = "RateLimit-Reset";

    /** What one response said: its status, and when the rate limit resets if it said so. */
    record Seen(int status, Optional<Instant> rateLimitReset) {}

    private final ThreadLocal<Seen> lastSeen = new ThreadLocal<>();

    @Override
    public void process(HttpResponse response, HttpContext context) {
        lastSeen.set(new Seen(response.getStatusLine().getStatusCode(), reset(response)));
    }

    /** Forgets the last response of this thread, before a new call. */
    void clear() {
        lastSeen.remove();
    }

    /** The last response this thread received since {@link #clear()}, if any. */
    Optional<Seen> last() {
        return Optional.ofNullable(lastSeen.get());
    }

    private static Optional<Instant> reset(HttpResponse response) {
        Header header = response.getFirstHeader(RATE_LIMIT_RESET);
        if (header == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.ofEpochSecond(Long.parseLong(header.getValue().strip())));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
