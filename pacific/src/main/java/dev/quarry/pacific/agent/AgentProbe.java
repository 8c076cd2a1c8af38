package dev.quarry.pacific.agent;

/**
 * Asks once whether a server's Quarry agent answers. {@link TcpAgentProbe} is the real one (a TCP connection);
 * HQ may swap in an SSH check that also proves the agent accepts HQ's key.
 */
@FunctionalInterface
public interface AgentProbe {
    /** Whether the agent at {@code address:port} answers now; false when it does not (yet). */
    boolean answers(String address, int port);
}
