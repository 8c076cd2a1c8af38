package dev.quarry.hq.grid;

import dev.quarry.agent.client.AgentClient;
import dev.quarry.agent.client.AgentConnector;
import dev.quarry.agent.client.AgentTimeouts;
import dev.quarry.agent.client.HostKeyPolicy;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One AgentClient per server, all with HQ's key. Host keys are checked against HQ's own known_hosts
 * file ({@code etc/agent_known_hosts}): trusted on first use for agents on this machine's loopback
 * (local servers HQ or its operator started), required to be known for any other.
 */
public final class Agents implements AutoCloseable {
    private final AgentConnector loopback;
    private final AgentConnector remote;
    private final Path knownHosts;
    private final Map<String, Held> clients = new ConcurrentHashMap<>();

    private record Held(ServerSettings server, AgentClient client) { }

    private Agents(AgentConnector loopback, AgentConnector remote, Path knownHosts) {
        this.loopback = loopback;
        this.remote = remote;
        this.knownHosts = knownHosts;
    }

    public static Agents open(KeyPair hqKey, Path knownHosts) {
        AgentConnector loopback = AgentConnector.open(hqKey, knownHosts, HostKeyPolicy.TRUST_FIRST_USE,
                AgentTimeouts.DEFAULT);
        try {
            return new Agents(loopback, AgentConnector.open(hqKey, knownHosts, HostKeyPolicy.KNOWN_ONLY,
                    AgentTimeouts.DEFAULT), knownHosts);
        } catch (RuntimeException e) {
            loopback.close();
            throw e;
        }
    }

    /** The client of a server's agent; a new one when the server's address or port changed. */
    public AgentClient client(ServerSettings server) {
        Held held = clients.compute(server.id(), (id, old) -> {
            if (old != null && old.server().host().equals(server.host())
                    && old.server().agentPort() == server.agentPort()) {
                return old;
            }
            if (old != null) {
                old.client().close();
            }
            AgentConnector connector = server.isLoopback() ? loopback : remote;
            return new Held(server, connector.client(server.host(), server.agentPort()));
        });
        return held.client();
    }

    /** A removed server: its client is closed and its host key forgotten. */
    public void forget(ServerSettings server) throws java.io.IOException {
        Held held = clients.remove(server.id());
        if (held != null) {
            held.client().close();
        }
        KnownHostLines.forget(knownHosts, server.host(), server.agentPort());
    }

    @Override
    public void close() {
        clients.values().forEach(held -> held.client().close());
        clients.clear();
        loopback.close();
        remote.close();
    }
}
