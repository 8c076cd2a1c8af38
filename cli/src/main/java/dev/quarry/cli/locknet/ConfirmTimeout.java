package dev.quarry.cli.locknet;

import dev.quarry.locknet.grid.LocknetInputException;
import dev.quarry.locknet.grid.Shown;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads {@code --confirm-timeout}: a whole number with ms, s, m or h, or 0 for no dead-man timer. */
final class ConfirmTimeout {
    private static final Pattern DURATION = Pattern.compile("(\\d{1,6})(ms|s|m|h)");

    private ConfirmTimeout() {}

    static Duration parse(String input) {
        if (input.equals("0")) {
            return Duration.ZERO;
        }
        Matcher matcher = DURATION.matcher(input);
        if (!matcher.matches()) {
            throw new LocknetInputException("--confirm-timeout " + Shown.quoted(input)
                    + " is not a duration; write a whole number with ms, s, m or h, such as 15s, or 0 to keep the rules unconfirmed");
        }
        long amount = Long.parseLong(matcher.group(1));
        return switch (matcher.group(2)) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            default -> Duration.ofHours(amount);
        };
    }
}
