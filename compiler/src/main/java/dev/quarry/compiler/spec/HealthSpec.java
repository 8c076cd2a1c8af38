package dev.quarry.compiler.spec;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Duration;

/**
 * How to tell a container is ready. With a {@code path}: HTTP GET it every {@code interval} until a 2xx,
 * each try given {@code timeout}, giving up at {@code deadline}. Without one (a container that listens on
 * no port, such as a worker): ready once it has run {@code grace} without exiting. Null values are left
 * out of its JSON, so a service's spec hash is what it was before {@code grace} existed.
 *
 * @param path the HTTP path to check, or null when the container is ready by {@code grace} alone
 * @param grace how long a container without a path must run without exiting to be ready, or null for
 *     {@link #DEFAULT_GRACE} (see {@link #readyAfter()})
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record HealthSpec(String path, Duration interval, Duration timeout, Duration deadline, Duration grace) {

    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(1);
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(2);
    public static final Duration DEFAULT_DEADLINE = Duration.ofSeconds(60);
    public static final Duration DEFAULT_GRACE = Duration.ofSeconds(2);

    public HealthSpec {
        requireNonNull(interval, "interval is null");
        requireNonNull(timeout, "timeout is null");
        requireNonNull(deadline, "deadline is null");
    }

    /** An HTTP check. */
    public HealthSpec(String path, Duration interval, Duration timeout, Duration deadline) {
        this(requireNonNull(path, "path is null"), interval, timeout, deadline, null);
    }

    /** The readiness of a container without a port: running {@code grace} (null: the default) without exiting. */
    public static HealthSpec graceOnly(Duration grace, Duration deadline) {
        return new HealthSpec(null, DEFAULT_INTERVAL, DEFAULT_TIMEOUT, deadline, grace);
    }

    /** Whether readiness is an HTTP check (else running {@link #readyAfter()} without exiting). */
    public boolean checksHttp() {
        return path != null;
    }

    /** How long a container checked without HTTP must run without exiting to be ready. */
    public Duration readyAfter() {
        return grace == null ? DEFAULT_GRACE : grace;
    }
}
