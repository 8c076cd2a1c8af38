package dev.quarry.hq;

import dev.quarry.hq.grid.GridSettings;
import dev.quarry.router.model.RouterSettings;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;

/** The grid settings from {@code --router}, {@code --local-servers}, {@code --max-servers} and {@code --drain-grace}. */
final class GridOptionsParser {
    private GridOptionsParser() {}

    static GridSettings settings(Map<String, String> values) {
        InetSocketAddress router = HqOptions.address(values.get("--router"));
        if (router.getPort() == 0) {
            throw new IllegalArgumentException("--router " + values.get("--router") + ": give the port the router"
                    + " listens on, such as 127.0.0.1:8080");
        }
        int local = count("--local-servers", values.getOrDefault("--local-servers", "0"));
        int most = count("--max-servers", values.getOrDefault("--max-servers", Integer.toString(local)));
        if (most < local) {
            throw new IllegalArgumentException("--max-servers " + most + " is below --local-servers " + local);
        }
        GridSettings settings = GridSettings.of(new RouterSettings(router.getAddress().getHostAddress(),
                router.getPort(), 2, 1024), local).withMaxServers(most);
        String grace = values.get("--drain-grace");
        return grace == null ? settings : settings.withDrainGrace(duration("--drain-grace", grace));
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
