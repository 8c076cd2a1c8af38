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
    private final HostKeyBook hostKeys;
    private final Map<String, Held> clients = new ConcurrentHashMap<>();

    private record Held(ServerSettings server, AgentClient client) { }

    private Agents(AgentConnector loopback, AgentConnector remote, Path knownHosts, HostKeyBook hostKeys) {
        this.loopback = loopback;
        this.remote = remote;
        this.knownHosts = knownHosts;
        this.hostKeys = hostKeys;
    }

    public static Agents open(KeyPair hqKey, Path knownHosts) {
        return open(hqKey, knownHosts, HostKeyBook.NONE);
    }

    /** @param hostKeys the host keys shared by the grid's HQs, copied into known_hosts before a remote agent is reached */
    public static Agents open(KeyPair hqKey, Path knownHosts, HostKeyBook hostKeys) {
        AgentConnector loopback = AgentConnector.open(hqKey, knownHosts, HostKeyPolicy.TRUST_FIRST_USE,
                AgentTimeouts.DEFAULT);
        try {
            return new Agents(loopback, AgentConnector.open(hqKey, knownHosts, HostKeyPolicy.KNOWN_ONLY,
                    AgentTimeouts.DEFAULT), knownHosts, hostKeys);
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
            if (!server.isLoopback()) {
                learnSharedHostKeys();
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
        hostKeys.forget(server.host(), server.agentPort());
    }

    /** Copies the host keys other HQs of the grid recorded (a droplet one of them made) into known_hosts. */
    private void learnSharedHostKeys() {
        try {
            hostKeys.copyInto(knownHosts);
        } catch (java.io.IOException | RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(Agents.class).warn("cannot copy the grid's shared agent host keys into"
                    + " {}: {}", knownHosts, e.getMessage());
        }
    }

    @Override
    public void close() {
        clients.values().forEach(held -> held.client().close());
        clients.clear();
        loopback.close();
        remote.close();
    }
}
