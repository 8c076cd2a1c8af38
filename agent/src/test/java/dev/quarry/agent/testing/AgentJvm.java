package dev.quarry.agent.testing;

import dev.quarry.agent.client.AgentConnector;
import dev.quarry.agent.client.AgentTimeouts;
import dev.quarry.agent.client.HostKeyPolicy;
import dev.quarry.testsupport.JavaProcesses;
import dev.quarry.testsupport.LoopbackPorts;
import dev.quarry.testsupport.ProcessOutput;
import dev.quarry.testsupport.SshKeys;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real agent in its own JVM on 127.0.0.1 (AgentInNamespaceMain), for tests that kill it with -9 and start
 * another on the same home. {@code close} stops it with SIGTERM (so it removes its empty cgroups), SIGKILL
 * after 30 s.
 */
public final class AgentJvm implements AutoCloseable {
    private final Process process;
    private final int port;

    private AgentJvm(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Starts an agent on {@code home} and returns once it listens; {@code name} names its output files in {@code temp}. */
    public static AgentJvm start(Path home, SshKeys.KeyFiles hqKey, String dockerHost, Path temp, String name)
            throws IOException {
        int port = LoopbackPorts.free();
        Path stdout = temp.resolve(name + ".out");
        Path stderr = temp.resolve(name + ".err");
        Process process = JavaProcesses.start(AgentInNamespaceMain.class.getName(), List.of(home.toString(),
                "127.0.0.1:" + port, hqKey.publicKey().toString(), dockerHost), temp, stdout, stderr);
        AgentJvm agent = new AgentJvm(process, port);
        try {
            ProcessOutput.awaitLine(process, stdout, stderr, "listening on");
        } catch (RuntimeException | AssertionError e) {
            agent.kill();
            throw e;
        }
        return agent;
    }

    public int port() {
        return port;
    }

    /** A connector with HQ's key that trusts the agent's host key on first use (kept in {@code knownHosts}). */
    public static AgentConnector connector(SshKeys.KeyFiles hqKey, Path knownHosts) {
        return AgentConnector.open(AgentConnector.readKeyPair(hqKey.privateKey()), knownHosts,
                HostKeyPolicy.TRUST_FIRST_USE, AgentTimeouts.DEFAULT);
    }

    /** kill -9, as a machine's crash or the OOM killer would; returns once it is gone. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
