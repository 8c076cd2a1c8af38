package dev.quarry.cli.remote;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * Where HQ listens and, when known, which app a command is about.
 *
 * @param user the SSH user (HQ accepts any name; keys decide)
 * @param host HQ's host name or address
 * @param port HQ's SSH port
 * @param app the app, from the remote's path or {@code --app}; empty for whole-grid commands
 */
public record HqTarget(String user, String host, int port, Optional<String> app) {
    public static final int DEFAULT_PORT = 2222;

    public HqTarget {
        requireNonNull(user, "user is null");
        requireNonNull(host, "host is null");
        requireNonNull(app, "app is null");
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("HQ's port must be from 1 to 65535, got " + port);
        }
    }

    public HqTarget withApp(String newApp) {
        return new HqTarget(user, host, port, Optional.of(newApp));
    }

    @Override
    public String toString() {
        return user + "@" + host + ":" + port;
    }
}
