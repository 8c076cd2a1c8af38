package dev.quarry.router.model;

import static java.util.Objects.requireNonNull;

import java.util.regex.Pattern;

/**
 * Where one healthy container listens: an IPv4 address or hostname, and a port.
 *
 * @param host an IPv4 address such as 127.0.0.1, or a host name
 * @param port 1-65535
 */
public record Endpoint(String host, int port) {
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9.-]{0,251}[A-Za-z0-9])?");

    public Endpoint {
        requireNonNull(host, "host is null");
        if (!HOST.matcher(host).matches()) {
            throw new IllegalArgumentException("endpoint host must be an IPv4 address or host name, got \"" + host + "\"");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("endpoint port must be from 1 to 65535, got " + port);
        }
    }

    @Override
    public String toString() {
        return host + ":" + port;
    }
}
