package dev.quarry.agent.testing;

import dev.quarry.agent.Agent;
import dev.quarry.agent.AgentSettings;
import dev.quarry.agent.client.AgentClient;
import dev.quarry.agent.client.AgentConnector;
import dev.quarry.agent.client.AgentTimeouts;
import dev.quarry.agent.client.HostKeyPolicy;
import dev.quarry.agent.ports.PortRange;
import dev.quarry.agent.runtime.ContainerStatus;
import dev.quarry.agent.supervise.Sleeper;
import dev.quarry.testsupport.SshKeys;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

/**
 * A real agent on a test home, listening on 127.0.0.1 on a free port, trusting one HQ key made with
 * ssh-keygen; and an AgentClient for it. {@link #close()} removes every container the agent knows,
 * by its ids, then stops the agent; {@link #detach()} stops the agent and leaves them running.
 */
public final class TestAgent implements AutoCloseable {
    private final Agent agent;
    private final AgentConnector connector;
    private final AgentClient client;
    private final SshKeys.KeyFiles hqKey;
    private boolean closed;

    private TestAgent(Agent agent, AgentConnector connector, SshKeys.KeyFiles hqKey) {
        this.agent = agent;
        this.connector = connector;
        this.client = connector.client("127.0.0.1", agent.port());
        this.hqKey = hqKey;
    }

    /** Starts an agent on {@code home}, trusting {@code hqKey}; its containers get ports from {@code ports}. */
    public static TestAgent start(Path home, SshKeys.KeyFiles hqKey, PortRange ports, Sleeper backoff) {
        try {
            Files.createDirectories(home);
            Files.copy(hqKey.publicKey(), home.resolve("hq.pub"), StandardCopyOption.REPLACE_EXISTING);
            AgentSettings settings = AgentSettings.of(home, new InetSocketAddress("127.0.0.1", 0), null, ports)
                    .withBackoff(backoff);
            Agent agent = Agent.start(settings);
            AgentConnector connector = AgentConnector.open(AgentConnector.readKeyPair(hqKey.privateKey()),
                    home.resolveSibling(home.getFileName() + "-known_hosts"), HostKeyPolicy.TRUST_FIRST_USE,
                    AgentTimeouts.DEFAULT);
            return new TestAgent(agent, connector, hqKey);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Agent agent() {
        return agent;
    }

    public AgentClient client() {
        return client;
    }

    public SshKeys.KeyFiles hqKey() {
        return hqKey;
    }

    public int port() {
        return agent.port();
    }

    /** Stops the agent, leaving its containers running for the next agent on the same home. */
    public void detach() {
        if (!closed) {
            closed = true;
            connector.close();
            try {
                agent.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Removes every container this agent knows (stopping it at once), then stops the agent. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        try {
            for (ContainerStatus status : agent.containers().list()) {
                agent.containers().remove(status.id(), Duration.ZERO);
            }
        } finally {
            detach();
        }
    }
}
