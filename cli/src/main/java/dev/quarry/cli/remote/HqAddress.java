package dev.quarry.cli.remote;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads where HQ is from what users write: {@code --hq user@host:port}, or a git remote's URL such as
 * {@code ssh://quarry@hq.example.com:2222/shop} or {@code quarry@hq.example.com:shop} (scp form, port 22).
 */
public final class HqAddress {
    private static final Pattern HQ_OPTION = Pattern.compile("(?:([A-Za-z0-9._-]+)@)?([A-Za-z0-9.-]+|\\[[0-9a-fA-F:]+])(?::(\\d{1,5}))?");
    private static final Pattern SSH_URL = Pattern.compile("ssh://(?:([A-Za-z0-9._-]+)@)?([A-Za-z0-9.-]+|\\[[0-9a-fA-F:]+])(?::(\\d{1,5}))?/(.+)");
    private static final Pattern SCP_FORM = Pattern.compile("(?:([A-Za-z0-9._-]+)@)?([A-Za-z0-9.-]+):(?!//)(.+)");

    private HqAddress() {}

    /** {@code user@host:port} (user default quarry, port default 2222). */
    public static HqTarget parseOption(String text) {
        Matcher matcher = HQ_OPTION.matcher(text);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("--hq must be [USER@]HOST[:PORT] such as quarry@127.0.0.1:2222, got \""
                    + text + "\"");
        }
        return new HqTarget(user(matcher.group(1)), host(matcher.group(2)), port(matcher.group(3), HqTarget.DEFAULT_PORT),
                Optional.empty());
    }

    /** The HQ and app of a git remote URL, or empty when the URL is not an SSH one. */
    public static Optional<HqTarget> parseRemote(String url) {
        Matcher ssh = SSH_URL.matcher(url);
        if (ssh.matches()) {
            return Optional.of(new HqTarget(user(ssh.group(1)), host(ssh.group(2)), port(ssh.group(3), 22),
                    Optional.of(app(ssh.group(4)))));
        }
        Matcher scp = SCP_FORM.matcher(url);
        if (scp.matches()) {
            return Optional.of(new HqTarget(user(scp.group(1)), scp.group(2), 22, Optional.of(app(scp.group(3)))));
        }
        return Optional.empty();
    }

    private static String user(String user) {
        return user == null ? "quarry" : user;
    }

    private static String host(String host) {
        return host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
    }

    private static int port(String port, int fallback) {
        int value = port == null ? fallback : Integer.parseInt(port);
        if (value < 1 || value > 65535) {
            throw new IllegalArgumentException("the port must be from 1 to 65535, got " + value);
        }
        return value;
    }

    private static String app(String path) {
        String app = path.startsWith("/") ? path.substring(1) : path;
        return app.endsWith(".git") ? app.substring(0, app.length() - 4) : app;
    }
}
