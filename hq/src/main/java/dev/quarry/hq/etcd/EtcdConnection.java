package dev.quarry.hq.etcd;

import static java.util.Objects.requireNonNull;

import io.etcd.jetcd.ByteSequence;
import io.etcd.jetcd.Client;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A jetcd client for one etcd endpoint, and the one way HQ waits for its calls: {@link #await} bounds
 * every call by the timeout and turns any failure into a one-line {@link EtcdCallException} naming the
 * endpoint. After etcd restarts, the client reconnects by itself; calls made meanwhile fail.
 */
public final class EtcdConnection implements AutoCloseable {
    /** How long one call may take unless told otherwise. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    private static final long GRACE_MILLIS = 1000;

    private final String endpoint;
    private final Duration timeout;
    private final Client client;

    private EtcdConnection(String endpoint, Duration timeout, Client client) {
        this.endpoint = endpoint;
        this.timeout = timeout;
        this.client = client;
    }

    /** A connection to {@code endpoint} ({@code http://host:2379}); nothing is sent until the first call. */
    public static EtcdConnection open(String endpoint, Duration timeout) {
        requireNonNull(endpoint, "endpoint is null");
        requireNonNull(timeout, "timeout is null");
        Client client = Client.builder().endpoints(endpoint).connectTimeout(timeout)
                .interceptor(new CallDeadlines(timeout)).build();
        return new EtcdConnection(endpoint, timeout, client);
    }

    public static EtcdConnection open(String endpoint) {
        return open(endpoint, DEFAULT_TIMEOUT);
    }

    public String endpoint() {
        return endpoint;
    }

    public Duration timeout() {
        return timeout;
    }

    public Client client() {
        return client;
    }

    /** Text as the bytes etcd keeps. */
    public static ByteSequence bytes(String text) {
        return ByteSequence.from(text, StandardCharsets.UTF_8);
    }

    /**
     * The answer of {@code call}, waiting at most the timeout.
     *
     * @param doing what the call does, for the message: {@code reading stacks/shop/stack.json}
     * @throws EtcdCallException when it fails or does not answer in time
     */
    public <T> T await(CompletableFuture<T> call, String doing) {
        try {
            return call.get(timeout.toMillis() + GRACE_MILLIS, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            call.cancel(true);
            throw new EtcdCallException(EtcdFailures.noAnswer(endpoint, timeout, doing), e);
        } catch (ExecutionException e) {
            throw new EtcdCallException(EtcdFailures.describe(endpoint, timeout, doing, e.getCause()), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            call.cancel(true);
            throw new EtcdCallException("interrupted while " + doing + " on etcd at " + endpoint, e);
        }
    }

    @Override
    public void close() {
        client.close();
    }
}
