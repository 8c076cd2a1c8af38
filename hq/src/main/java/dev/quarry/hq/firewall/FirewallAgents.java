package dev.quarry.hq.firewall;

import dev.quarry.agent.client.AgentClient;

/**
 * How the firewall reaches a host's agent: HQ's own clients (for example {@code server -> agents.client(settings)}).
 * The caller keeps owning them; {@link GridFirewall} never closes one, and confirms over a new connection anyway.
 */
@FunctionalInterface
public interface FirewallAgents {
    AgentClient client(FirewallHost host);
}
