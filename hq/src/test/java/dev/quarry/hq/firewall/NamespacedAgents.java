package dev.quarry.hq.firewall;

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
import java.util.ArrayList;
import java.util.List;

/**
 * Real agents, each in a JVM of its own inside a namespace of the sandbox, listening on port 2200 of the
 * namespace's end of its link; this JVM plays HQ from the machine's ends. The sandbox stops them by PID.
 */
final class NamespacedAgents {
    static final int PORT = 2200;
    /** Short waits: a dropped connection attempt gives up after 2 s. */
    static final AgentTimeouts TIMEOUTS = new AgentTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(30),
            Duration.ofSeconds(60));

    private NamespacedAgents() {}

    /** Starts one agent per link, all at once, and waits until each listens. */
    static void start(NetworkSandbox sandbox, List<HostLink> links, Path folder, SshKeys.KeyFiles hqKey) {
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Runnable> waits = new ArrayList<>();
        for (HostLink link : links) {
            Path home = folder.resolve(link.namespace().name());
            Path stdout = folder.resolve(link.namespace().name() + ".out");
            Path stderr = folder.resolve(link.namespace().name() + ".err");
            Process process = sandbox.startJava(link.namespace(), FirewallAgentMain.class.getName(), List.of(
                    home.toString(), link.namespaceAddress() + ":" + PORT, hqKey.publicKey().toString(),
                    "unix://" + folder.resolve("no-docker.sock")), stdout, stderr);
            waits.add(() -> ProcessOutput.awaitLine(process, stdout, stderr, "listening on"));
        }
        waits.forEach(Runnable::run);
    }

    /** HQ's SSH client, trusting the agents' host keys on first use. */
    static AgentConnector connector(SshKeys.KeyFiles hqKey, Path knownHosts) {
        return AgentConnector.open(AgentConnector.readKeyPair(hqKey.privateKey()), knownHosts,
                HostKeyPolicy.TRUST_FIRST_USE, TIMEOUTS);
    }
}
