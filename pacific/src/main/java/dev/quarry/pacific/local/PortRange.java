package dev.quarry.pacific.local;

/**
 * TCP ports from {@code first} to {@code last}, both included: the ports a local server's agent may publish
 * containers on ({@code --ports FROM-TO}).
 */
public record PortRange(int first, int last) {
    public PortRange {
        if (first < 1 || last > 65535 || first > last) {
            throw new IllegalArgumentException("port range " + first + "-" + last + " is not valid; use FROM-TO with "
                    + "1 <= FROM <= TO <= 65535");
        }
    }

    public boolean overlaps(PortRange other) {
        return first <= other.last && other.first <= last;
    }

    public boolean contains(int port) {
        return first <= port && port <= last;
    }

    /** As the agent's {@code --ports} takes it: {@code 10001-10499}. */
    @Override
    public String toString() {
        return first + "-" + last;
    }
}
