package dev.quarry.ssh;

import static java.util.Objects.requireNonNull;

import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.server.auth.pubkey.PublickeyAuthenticator;
import org.apache.sshd.server.command.CommandFactory;

/**
 * What a {@link LockedDownServer} is made of.
 *
 * @param identification the software name in the server's SSH version line, such as {@code QuarryHQ}
 * @param executor the threads commands run on (never MINA's I/O threads)
 */
public record ServerSettings(InetSocketAddress listen, String identification, KeyPairProvider hostKeys,
        PublickeyAuthenticator authenticator, CommandFactory commands, RefusedCommandFactory refusals,
        RefusalReasons reasons, ExecutorService executor) {
    public ServerSettings {
        requireNonNull(listen, "listen is null");
        requireNonNull(identification, "identification is null");
        requireNonNull(hostKeys, "hostKeys is null");
        requireNonNull(authenticator, "authenticator is null");
        requireNonNull(commands, "commands is null");
        requireNonNull(refusals, "refusals is null");
        requireNonNull(reasons, "reasons is null");
        requireNonNull(executor, "executor is null");
    }
}
