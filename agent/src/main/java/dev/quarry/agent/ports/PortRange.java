package dev.quarry.agent.ports;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The ports an agent hands out to its containers, both ends included.
 *
 * @param first the lowest port
 * @param last the highest port
 */
public record PortRange(int first, int last) {
    public static final PortRange DEFAULT = new PortRange(20000, 29999);
    private static final Pattern SHAPE = Pattern.compile("([0-9]{1,5})-([0-9]{1,5})");

    public PortRange {
        if (first < 1024 || last > 65535 || first > last) {
            throw new IllegalArgumentException("a port range is FROM-TO with 1024 <= FROM <= TO <= 65535, got "
                    + first + "-" + last);
        }
    }

    /** Reads {@code 20000-29999}. */
    public static PortRange parse(String text) {
        Matcher matcher = SHAPE.matcher(text == null ? "" : text.strip());
        if (!matcher.matches()) {
            throw new IllegalArgumentException("a port range is FROM-TO such as 20000-29999, got \"" + text + "\"");
        }
        return new PortRange(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)));
    }

    public boolean contains(int port) {
        return port >= first && port <= last;
    }

    public int size() {
        return last - first + 1;
    }

    @Override
    public String toString() {
        return first + "-" + last;
    }
}
