package dev.quarry.pacific.waiting;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as settings files write them, like quarry.yml: a whole number and {@code ms}, {@code s}, {@code m} or {@code h}. */
public final class DurationText {
    private static final Pattern TEXT = Pattern.compile("([0-9]{1,9})(ms|s|m|h)");

    private DurationText() {}

    /** The duration {@code text} means, or empty when it is not one (such as {@code "5 min"}). */
    public static Optional<Duration> parse(String text) {
        Matcher matcher = TEXT.matcher(text.strip().toLowerCase(Locale.ROOT));
        if (!matcher.matches()) {
            return Optional.empty();
        }
        long amount = Long.parseLong(matcher.group(1));
        return Optional.of(switch (matcher.group(2)) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            default -> Duration.ofHours(amount);
        });
    }

    /** As settings write it: {@code 5m}, {@code 90s}, {@code 250ms}. */
    public static String format(Duration duration) {
        if (duration.toMillis() % 1000 != 0) {
            return duration.toMillis() + "ms";
        }
        long seconds = duration.toSeconds();
        if (seconds % 3600 == 0 && seconds > 0) {
            return seconds / 3600 + "h";
        }
        return seconds % 60 == 0 && seconds > 0 ? seconds / 60 + "m" : seconds + "s";
    }
}
