package dev.quarry.hq;

import dev.quarry.hq.grid.GridSettings;
import dev.quarry.hq.grid.ServerSource;
import dev.quarry.slicegrid.model.Resources;
import dev.quarry.router.model.RouterSettings;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;

/**
 * The grid settings from {@code --router}, {@code --provider}, {@code --min-servers} (or its older name
 * {@code --local-servers}), {@code --max-servers}, {@code --server-size}, {@code --drain-grace} and
 * {@code --server-ttl}, {@code --replace-after}, and the router's {@code --https} address.
 */
final class GridOptionsParser {
    private GridOptionsParser() {}

    static GridSettings settings(Map<String, String> values) {
        InetSocketAddress router = HqOptions.address(values.get("--router"));
        if (router.getPort() == 0) {
            throw new IllegalArgumentException("--router " + values.get("--router") + ": give the port the router"
                    + " listens on, such as 127.0.0.1:8080");
        }
        if (values.containsKey("--min-servers") && values.containsKey("--local-servers")) {
            throw new IllegalArgumentException("give --min-servers or --local-servers (its older name), not both");
        }
        String least = values.containsKey("--min-servers") ? "--min-servers" : "--local-servers";
        int local = count(least, values.getOrDefault(least, "0"));
        int most = count("--max-servers", values.getOrDefault("--max-servers", Integer.toString(local)));
        if (most < local) {
            throw new IllegalArgumentException("--max-servers " + most + " is below " + least + " " + local);
        }
        RouterSettings routerSettings = new RouterSettings(router.getAddress().getHostAddress(), router.getPort(), 2, 1024);
        if (values.containsKey("--https")) {
            routerSettings = routerSettings.withHttps(https(values.get("--https")));
        }
        GridSettings settings = GridSettings.of(routerSettings, local).withMaxServers(most);
        if (values.containsKey("--provider")) {
            settings = settings.withSource(ServerSource.of(values.get("--provider")));
        }
        if (values.containsKey("--server-size")) {
            settings = settings.withServerCapacity(size(values.get("--server-size")));
        }
        if (values.containsKey("--server-ttl")) {
            settings = settings.withServerTtl(serverTtl(values.get("--server-ttl")));
        }
        if (values.containsKey("--replace-after")) {
            settings = settings.withReplaceAfter(replaceAfter(values.get("--replace-after")));
        }
        String grace = values.get("--drain-grace");
        return grace == null ? settings : settings.withDrainGrace(duration("--drain-grace", grace));
    }

    /** {@code --https ADDR:PORT}: where the router also listens for HTTPS, such as 0.0.0.0:443. */
    static dev.quarry.router.model.Endpoint https(String text) {
        InetSocketAddress address = HqOptions.address(text);
        if (address.getPort() == 0 || !(address.getAddress() instanceof java.net.Inet4Address)) {
            throw new IllegalArgumentException("--https " + text + ": give the IPv4 address and port the router listens"
                    + " on for HTTPS, such as 0.0.0.0:443 or 127.0.0.1:8443");
        }
        return new dev.quarry.router.model.Endpoint(address.getAddress().getHostAddress(), address.getPort());
    }

    /** How long a server's agent may stay silent before the server is down: at least 1 s. */
    static Duration serverTtl(String text) {
        Duration ttl = duration("--server-ttl", text);
        if (ttl.compareTo(GridSettings.MINIMUM_SERVER_TTL) < 0) {
            throw new IllegalArgumentException("--server-ttl " + text + ": give at least 1s (the default is 10s); a"
                    + " server is suspect after 2s without an answer and down after the TTL");
        }
        return ttl;
    }

    /** How long a server stays down before its provider is asked to give it back and replace it: more than 0. */
    static Duration replaceAfter(String text) {
        Duration grace = duration("--replace-after", text);
        if (grace.isZero()) {
            throw new IllegalArgumentException("--replace-after " + text + ": give a duration above 0 such as 90s or 5m"
                    + " (the default)");
        }
        return grace;
    }

    /** {@code 2048M,1000m} or {@code 2G,1}: memory in MiB (M) or GiB (G), cpu in millicores (m) or cores. */
    static Resources size(String text) {
        java.util.regex.Matcher matcher = java.util.regex.Pattern
                .compile("([0-9]{1,7})([MG]),([0-9]{1,6})(m?)").matcher(text);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("--server-size " + text + ": give memory and cpu such as 2048M,1000m"
                    + " or 2G,1");
        }
        long memory = Long.parseLong(matcher.group(1)) * (matcher.group(2).equals("G") ? 1024 : 1);
        long cpu = Long.parseLong(matcher.group(3)) * (matcher.group(4).isEmpty() ? 1000 : 1);
        if (memory < 1 || cpu < 1 || memory > Integer.MAX_VALUE || cpu > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("--server-size " + text + ": a server needs some memory and cpu");
        }
        return Resources.of((int) memory, (int) cpu);
    }

    private static int count(String option, String text) {
        if (!text.matches("[0-9]{1,3}")) {
            throw new IllegalArgumentException(option + " " + text + ": give a number from 0 to 999");
        }
        return Integer.parseInt(text);
    }

    /** {@code 500ms}, {@code 2s} or {@code 1m}. */
    static Duration duration(String option, String text) {
        java.util.regex.Matcher matcher = java.util.regex.Pattern.compile("([0-9]{1,6})(ms|s|m)").matcher(text);
        if (!matcher.matches()) {
            throw new IllegalArgumentException(option + " " + text + ": give a duration such as 500ms, 2s or 1m");
        }
        long amount = Long.parseLong(matcher.group(1));
        return switch (matcher.group(2)) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            default -> Duration.ofMinutes(amount);
        };
    }
}
