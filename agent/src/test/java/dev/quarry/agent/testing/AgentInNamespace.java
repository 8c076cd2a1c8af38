package dev.quarry.agent.testing;

import dev.quarry.agent.client.AgentClient;
import dev.quarry.agent.client.AgentConnector;
import dev.quarry.agent.client.AgentTimeouts;
import dev.quarry.agent.client.HostKeyPolicy;
import dev.quarry.testsupport.HostLink;
import dev.quarry.testsupport.NetworkSandbox;
import dev.quarry.testsupport.ProcessOutput;
import dev.quarry.testsupport.SshKeys;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A real agent in a JVM of its own inside a network namespace, listening on the namespace's end of a veth link;
 * this JVM plays HQ from the machine's end. Its iptables are the namespace's, never the machine's. The
 * sandbox stops it (by its PID) when the test ends.
 */
public final class AgentInNamespace {
    public static final int PORT = 2200;
    /** Short waits: a dropped connection attempt gives up after 2 s. */
    public static final AgentTimeouts TIMEOUTS = new AgentTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(30),
            Duration.ofSeconds(60));

    private final HostLink link;

    private AgentInNamespace(HostLink link) {
        this.link = link;
    }

    /** Starts the agent in {@code link}'s namespace with its home under {@code folder}, and waits until it listens. */
    public static AgentInNamespace start(NetworkSandbox sandbox, HostLink link, Path folder, SshKeys.KeyFiles hqKey) {
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Path stdout = folder.resolve("agent.out");
        Path stderr = folder.resolve("agent.err");
        Process process = sandbox.startJava(link.namespace(), AgentInNamespaceMain.class.getName(), List.of(
                folder.resolve("home").toString(), link.namespaceAddress() + ":" + PORT, hqKey.publicKey().toString(),
                "unix://" + folder.resolve("no-docker.sock")), stdout, stderr);
        ProcessOutput.awaitLine(process, stdout, stderr, "listening on");
        return new AgentInNamespace(link);
    }

    /** HQ's SSH client, trusting agents' host keys on first use, with {@link #TIMEOUTS}. */
    public static AgentConnector connector(SshKeys.KeyFiles hqKey, Path knownHosts) {
        return AgentConnector.open(AgentConnector.readKeyPair(hqKey.privateKey()), knownHosts,
                HostKeyPolicy.TRUST_FIRST_USE, TIMEOUTS);
    }

    public AgentClient client(AgentConnector connector) {
        return connector.client(address(), PORT);
    }

    /** The agent's address, in the namespace. */
    public String address() {
        return link.namespaceAddress();
    }

    public HostLink link() {
        return link;
    }
}
