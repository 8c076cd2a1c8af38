package dev.quarry.agent.health;

import java.time.Duration;

/** One try at a container: did it answer as a healthy one does? */
@FunctionalInterface
public interface Probe {
    ProbeResult probe(String host, int port, Duration timeout);
}
