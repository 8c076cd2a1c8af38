package dev.quarry.pacific.local;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * How the local provider hands out ports and waits for agents. Each local server gets a block of
 * {@code portsPerServer} ports between {@code firstPort} and {@code lastPort}: the block's first port for its agent,
 * the rest for its containers. The defaults stay below Linux's ephemeral ports (32768 and up).
 *
 * @param firstPort the first port of the first block
 * @param lastPort the highest port any block may use
 * @param portsPerServer ports in one block, at least 2
 * @param agentTimeout how long a new agent may take to answer
 * @param pollInterval the pause between looks at a new agent
 * @param stopGrace how long an agent may take to stop after SIGTERM before it is killed
 */
public record LocalSettings(int firstPort, int lastPort, int portsPerServer, Duration agentTimeout,
        Duration pollInterval, Duration stopGrace) {
    public static final LocalSettings DEFAULT = new LocalSettings(10000, 32767, 500, Duration.ofSeconds(60),
            Duration.ofMillis(250), Duration.ofSeconds(10));

    public LocalSettings {
        new PortRange(firstPort, lastPort);
        if (portsPerServer < 2 || portsPerServer > lastPort - firstPort + 1) {
            throw new IllegalArgumentException("ports per local server must be from 2 to " + (lastPort - firstPort + 1)
                    + ", got " + portsPerServer);
        }
        requirePositive(agentTimeout, "agentTimeout");
        requirePositive(pollInterval, "pollInterval");
        requirePositive(stopGrace, "stopGrace");
    }

    /** How many blocks fit: the most local servers at once. */
    public int blocks() {
        return (lastPort - firstPort + 1) / portsPerServer;
    }

    /** Block {@code index}'s agent port (its first port). */
    int agentPort(int index) {
        return firstPort + index * portsPerServer;
    }

    /** Block {@code index}'s container ports (all but its first). */
    PortRange containerPorts(int index) {
        return new PortRange(agentPort(index) + 1, agentPort(index) + portsPerServer - 1);
    }

    private static void requirePositive(Duration duration, String name) {
        requireNonNull(duration, name + " is null");
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be more than 0, got " + duration);
        }
    }
}
