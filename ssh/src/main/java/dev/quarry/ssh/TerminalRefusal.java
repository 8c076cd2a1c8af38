package dev.quarry.ssh;

import static java.util.Objects.requireNonNull;

/** How a server refuses a pty request; the request itself always fails. */
public sealed interface TerminalRefusal {
    /** The channel's command becomes a refusal with this reason; nothing is written at once. */
    record RefuseCommand(String reason) implements TerminalRefusal {
        public RefuseCommand {
            requireNonNull(reason, "reason is null");
        }
    }

    /**
     * This line goes to the client's stderr at once (OpenSSH ends the session when a pty it was told
     * to get, with -t, is refused, before any command could say why); the command still runs.
     */
    record WriteAtOnce(String line) implements TerminalRefusal {
        public WriteAtOnce {
            requireNonNull(line, "line is null");
        }
    }
}
