package dev.quarry.agent.ssh;

import dev.quarry.agent.protocol.Verb;
import dev.quarry.agent.runtime.Quoted;
import dev.quarry.ssh.RefusalReasons;
import dev.quarry.ssh.TerminalRefusal;

/** The one-line reasons the agent gives when it refuses what an SSH client asked for. */
final class Refusals {
    static final String SHELL = "no shell here: the agent runs only its verbs (" + Verb.words() + ")";
    static final String PTY = "no terminal here: the agent allocates no pty; run ssh without -t";
    static final String AGENT = "agent forwarding refused: run ssh with -a";
    static final String X11 = "X11 forwarding refused: run ssh without -X or -Y";
    static final String PORT_FORWARDING = "port forwarding refused: the agent forwards nothing;"
            + " run ssh without -L, -R, -D or -W";

    /** All of the above, for the shared SSH server. */
    static final RefusalReasons REASONS = new RefusalReasons(SHELL, new TerminalRefusal.RefuseCommand(PTY), AGENT,
            X11, PORT_FORWARDING, Refusals::subsystem, channelType -> "quarry agent: " + PORT_FORWARDING);

    private Refusals() {}

    static String subsystem(String name) {
        return "subsystem " + Quoted.of(name) + " refused: the agent runs only its verbs, no file transfer";
    }
}
