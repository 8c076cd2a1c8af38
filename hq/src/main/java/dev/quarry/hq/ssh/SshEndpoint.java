package dev.quarry.hq.ssh;

import dev.quarry.ssh.HostKeyFile;
import dev.quarry.ssh.LockedDownServer;
import dev.quarry.ssh.ServerSettings;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import org.apache.sshd.server.auth.pubkey.PublickeyAuthenticator;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.CommandFactory;

/**
 * HQ's SSH server (Apache MINA SSHD, with strict key exchange against Terrapin): public-key auth
 * only, exec requests only; shells, ptys, forwarding of every kind, subsystems and env are refused.
 */
public final class SshEndpoint {
    private SshEndpoint() {}

    /**
     * Starts listening.
     *
     * @param hostKeyFile made on first start (ECDSA P-256) and reused after
     */
    public static LockedDownServer start(InetSocketAddress listen, Path hostKeyFile, PublickeyAuthenticator keys,
            CommandFactory commands, ExecutorService executor) throws IOException {
        return LockedDownServer.start(new ServerSettings(listen, "QuarryHQ", HostKeyFile.of(hostKeyFile), keys,
                commands, (channel, reason) -> refused(executor, channel, reason), Refusals.REASONS, executor));
    }

    private static RefusedCommand refused(ExecutorService executor, ChannelSession channel, String reason) {
        String user = channel.getServerSession().getAttribute(Sessions.USER);
        return new RefusedCommand(executor, reason, user == null ? "?" : user);
    }
}
