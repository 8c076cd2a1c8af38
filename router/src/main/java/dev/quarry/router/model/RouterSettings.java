package dev.quarry.router.model;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * How the router's nginx runs.
 *
 * @param listenHost the address nginx listens on, such as 127.0.0.1 (quarry up) or 0.0.0.0
 * @param listenPort the port, such as 8080 (quarry up) or 80
 * @param workerProcesses nginx worker processes ({@code auto} when 0)
 * @param workerConnections connections per worker
 * @param https where nginx also listens for HTTPS (HTTP/2, TLS 1.2 and 1.3), such as 0.0.0.0:443; empty: HTTP only
 */
public record RouterSettings(String listenHost, int listenPort, int workerProcesses, int workerConnections,
        Optional<Endpoint> https) {
    public RouterSettings {
        requireNonNull(listenHost, "listenHost is null");
        requireNonNull(https, "https is null");
        new Endpoint(listenHost, listenPort);
        if (https.isPresent() && https.get().port() == listenPort && https.get().host().equals(listenHost)) {
            throw new IllegalArgumentException("the HTTPS address " + https.get() + " is the HTTP one; give another port");
        }
        if (workerProcesses < 0 || workerConnections < 16) {
            throw new IllegalArgumentException("workerProcesses must be 0 (auto) or more and workerConnections 16 or more");
        }
    }

    /** HTTP only. */
    public RouterSettings(String listenHost, int listenPort, int workerProcesses, int workerConnections) {
        this(listenHost, listenPort, workerProcesses, workerConnections, Optional.empty());
    }

    /** These settings, also listening for HTTPS on {@code address}. */
    public RouterSettings withHttps(Endpoint address) {
        return new RouterSettings(listenHost, listenPort, workerProcesses, workerConnections, Optional.of(address));
    }

    /** The embedded default of {@code quarry up}: 127.0.0.1:8080. */
    public static RouterSettings local(int port) {
        return new RouterSettings("127.0.0.1", port, 2, 1024);
    }

    /** Where the router can be reached from this machine, to check a reload. */
    public String probeHost() {
        return listenHost.equals("0.0.0.0") ? "127.0.0.1" : listenHost;
    }
}
