package dev.quarry.agent.client;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * How long the client waits.
 *
 * @param connect to connect and authenticate
 * @param verb for a verb's answer (start, stop, list, logs, remove)
 * @param transfer for receive-source and prepare (builds), and for health beyond its own deadline
 */
public record AgentTimeouts(Duration connect, Duration verb, Duration transfer) {
    public static final AgentTimeouts DEFAULT = new AgentTimeouts(Duration.ofSeconds(10), Duration.ofMinutes(2),
            Duration.ofMinutes(30));

    public AgentTimeouts {
        requireNonNull(connect, "connect is null");
        requireNonNull(verb, "verb is null");
        requireNonNull(transfer, "transfer is null");
    }
}
