package dev.quarry.testsupport;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The real OpenSSH client, pointed at one test server: no user or system config, no agent, only the
 * given key, and a known_hosts file that holds the server's host key under the alias {@code hq}.
 *
 * @param port the server's loopback port
 * @param key the client's key pair
 * @param knownHosts a known_hosts file holding the server's host key for {@link #HOST_ALIAS}
 */
public record OpenSshClient(int port, SshKeys.KeyFiles key, Path knownHosts) {
    /** The name the server's host key is recorded under, whatever port it listens on. */
    public static final String HOST_ALIAS = "hq";

    public OpenSshClient {
        requireNonNull(key, "key is null");
        requireNonNull(knownHosts, "knownHosts is null");
    }

    /** Writes a known_hosts file trusting {@code hostKeyLine} (such as {@code ecdsa-sha2-nistp256 AAAA...}). */
    public static Path writeKnownHosts(Path file, String hostKeyLine) {
        try {
            Files.writeString(file, HOST_ALIAS + " " + hostKeyLine.strip() + "\n");
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The options every call shares, without the program name and destination. */
    public List<String> options() {
        return List.of("-F", "/dev/null", "-p", Integer.toString(port),
                "-i", key.privateKey().toString(),
                "-o", "IdentitiesOnly=yes", "-o", "IdentityAgent=none", "-o", "BatchMode=yes",
                "-o", "StrictHostKeyChecking=yes", "-o", "UserKnownHostsFile=" + knownHosts,
                "-o", "GlobalKnownHostsFile=/dev/null", "-o", "HostKeyAlias=" + HOST_ALIAS,
                "-o", "ConnectTimeout=20");
    }

    /** {@code ssh [extra options] quarry@127.0.0.1 [remote command words]}. */
    public List<String> command(List<String> extraOptions, String... remoteCommand) {
        List<String> command = new ArrayList<>();
        command.add("ssh");
        command.addAll(options());
        command.addAll(extraOptions);
        command.add("quarry@127.0.0.1");
        command.addAll(List.of(remoteCommand));
        return command;
    }

    /** Runs {@code ssh quarry@127.0.0.1 remoteCommand...} to completion. */
    public CommandResult run(String... remoteCommand) {
        return run(List.of(), remoteCommand);
    }

    public CommandResult run(List<String> extraOptions, String... remoteCommand) {
        return run(Map.of(), extraOptions, remoteCommand);
    }

    /** Runs ssh with extra environment variables (such as DISPLAY or SSH_AUTH_SOCK). */
    public CommandResult run(Map<String, String> environment, List<String> extraOptions, String... remoteCommand) {
        return Commands.run(command(extraOptions, remoteCommand), key.privateKey().getParent(), environment);
    }

    /** The value for GIT_SSH_COMMAND: this client with its options, as git appends host and command. */
    public String gitSshCommand() {
        List<String> words = new ArrayList<>();
        words.add("ssh");
        options().forEach(option -> words.add(quote(option)));
        return String.join(" ", words);
    }

    private static String quote(String word) {
        return "'" + word.replace("'", "'\\''") + "'";
    }
}
