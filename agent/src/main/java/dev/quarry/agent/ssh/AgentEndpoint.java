package dev.quarry.agent.ssh;

import dev.quarry.agent.verbs.Verbs;
import dev.quarry.ssh.HostKeyFile;
import dev.quarry.ssh.LockedDownServer;
import dev.quarry.ssh.ServerSettings;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import org.apache.sshd.server.auth.pubkey.PublickeyAuthenticator;

/**
 * The agent's SSH server: public-key auth with HQ's key only, exec requests carrying a verb only;
 * shells, ptys, forwarding of every kind, subsystems and env requests are refused.
 */
public final class AgentEndpoint {
    private AgentEndpoint() {}

    /**
     * Starts listening.
     *
     * @param hostKeyFile made on first start (ECDSA P-256) and reused after
     */
    public static LockedDownServer start(InetSocketAddress listen, Path hostKeyFile, PublickeyAuthenticator keys,
            Verbs verbs, ExecutorService executor) throws IOException {
        Files.createDirectories(hostKeyFile.toAbsolutePath().getParent());
        return LockedDownServer.start(new ServerSettings(listen, "QuarryAgent", HostKeyFile.of(hostKeyFile), keys,
                (channel, commandLine) -> new VerbCommand(executor, verbs, commandLine),
                (channel, reason) -> new RefusedCommand(executor, reason), Refusals.REASONS, executor));
    }
}
