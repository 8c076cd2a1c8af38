package dev.quarry.cli.bench;

import dev.quarry.slicegrid.model.Resources;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the values of bench options: capacities such as {@code 8192M,4000m} and durations such as {@code 2s}. */
final class OptionValues {
    private static final Pattern MEMORY = Pattern.compile("(\\d+)([KMG]?)", Pattern.CASE_INSENSITIVE);
    private static final Pattern CPU = Pattern.compile("(\\d+)m|(\\d+(?:\\.\\d+)?)");
    private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m)");

    private OptionValues() {}

    static Resources capacity(String option, String text) throws BadOptionException {
        String[] parts = text.split(",", -1);
        Resources capacity = parts.length == 2 ? parse(parts[0].trim(), parts[1].trim()) : null;
        if (capacity == null || capacity.memoryMebibytes() == 0 || capacity.cpuMillicores() == 0) {
            throw new BadOptionException(option, "must be MEMORY,CPU such as 8192M,4000m, got \"" + text + "\"");
        }
        return capacity;
    }

    static Duration duration(String option, String text) throws BadOptionException {
        Matcher matcher = DURATION.matcher(text.trim().toLowerCase(Locale.ROOT));
        if (!matcher.matches()) {
            throw new BadOptionException(option, "must be a duration such as 2s or 500ms, got \"" + text + "\"");
        }
        long amount = Long.parseLong(matcher.group(1));
        return switch (matcher.group(2)) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            default -> Duration.ofMinutes(amount);
        };
    }

    static int positive(String option, String text, int maximum) throws BadOptionException {
        try {
            int value = Integer.parseInt(text.trim());
            if (value >= 1 && value <= maximum) {
                return value;
            }
        } catch (NumberFormatException notANumber) {
            // reported below
        }
        throw new BadOptionException(option, "must be a whole number from 1 to " + maximum + ", got \"" + text + "\"");
    }

    static long seed(String option, String text) throws BadOptionException {
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException notANumber) {
            throw new BadOptionException(option, "must be a whole number, got \"" + text + "\"");
        }
    }

    private static Resources parse(String memoryText, String cpuText) {
        Matcher memory = MEMORY.matcher(memoryText);
        Matcher cpu = CPU.matcher(cpuText);
        if (!memory.matches() || !cpu.matches()) {
            return null;
        }
        try {
            long mebibytes = switch (memory.group(2).toUpperCase(Locale.ROOT)) {
                case "G" -> Long.parseLong(memory.group(1)) * 1024;
                case "K" -> Long.parseLong(memory.group(1)) / 1024;
                default -> Long.parseLong(memory.group(1));
            };
            long millicores = cpu.group(1) != null ? Long.parseLong(cpu.group(1))
                    : Math.round(Double.parseDouble(cpu.group(2)) * 1000);
            if (mebibytes > Integer.MAX_VALUE || millicores > Integer.MAX_VALUE) {
                return null;
            }
            return new Resources((int) mebibytes, (int) millicores);
        } catch (NumberFormatException tooLarge) {
            return null;
        }
    }
}
