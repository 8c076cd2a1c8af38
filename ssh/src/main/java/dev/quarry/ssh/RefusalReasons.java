package dev.quarry.ssh;

import static java.util.Objects.requireNonNull;

import java.util.function.UnaryOperator;

/**
 * The one-line reasons a server gives when it refuses what an SSH client asked for.
 *
 * @param shell why a shell is refused
 * @param terminal what happens when a pty is asked for
 * @param agentForwarding why ssh agent forwarding (-A) is refused
 * @param x11Forwarding why X11 forwarding (-X, -Y) is refused
 * @param portForwarding why remote port forwarding (-R) is refused
 * @param subsystem why a subsystem (such as sftp) is refused, given its name as the client sent it
 * @param forwardingChannel the channel-open failure OpenSSH prints for a forwarding channel (-L, -D, -W),
 *     given the channel's type as the client sent it
 */
public record RefusalReasons(String shell, TerminalRefusal terminal, String agentForwarding, String x11Forwarding,
        String portForwarding, UnaryOperator<String> subsystem, UnaryOperator<String> forwardingChannel) {
    public RefusalReasons {
        requireNonNull(shell, "shell is null");
        requireNonNull(terminal, "terminal is null");
        requireNonNull(agentForwarding, "agentForwarding is null");
        requireNonNull(x11Forwarding, "x11Forwarding is null");
        requireNonNull(portForwarding, "portForwarding is null");
        requireNonNull(subsystem, "subsystem is null");
        requireNonNull(forwardingChannel, "forwardingChannel is null");
    }
}
