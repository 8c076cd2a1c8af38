package dev.quarry.ssh;

import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;

/** Makes the command that stands in for what a server does not run, telling the client why. */
@FunctionalInterface
public interface RefusedCommandFactory {
    Command refuse(ChannelSession channel, String reason);
}
