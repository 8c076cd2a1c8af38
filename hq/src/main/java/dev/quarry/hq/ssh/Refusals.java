package dev.quarry.hq.ssh;

import dev.quarry.ssh.RefusalReasons;
import dev.quarry.ssh.TerminalRefusal;

/** The one-line reasons HQ gives when it refuses something an SSH client asked for. */
final class Refusals {
    static final String SHELL = "no shell here: HQ runs git push and quarry commands only; try: ssh quarry@HQ apps";
    static final String PTY = "no terminal here: HQ runs no interactive sessions; run ssh without -t, with a command"
            + " such as: ssh quarry@HQ apps";
    static final String AGENT = "agent forwarding refused: HQ never uses your ssh agent; run ssh with -a"
            + " (or set ForwardAgent no for this host)";
    static final String X11 = "X11 forwarding refused: HQ has no display; run ssh without -X or -Y";
    static final String PORT_FORWARDING =
            "port forwarding refused: HQ forwards nothing; run ssh without -L, -R, -D or -W";

    /** All of the above, for the shared SSH server; a refused pty says why at once, as OpenSSH -t ends there. */
    static final RefusalReasons REASONS = new RefusalReasons(SHELL, new TerminalRefusal.WriteAtOnce("quarry: " + PTY),
            AGENT, X11, PORT_FORWARDING, Refusals::subsystem,
            channelType -> "quarry: " + PORT_FORWARDING + " (" + printable(channelType) + " channel)");

    private Refusals() {}

    static String subsystem(String name) {
        return "subsystem " + printable(name) + " refused: HQ serves git and quarry commands only, no file transfer";
    }

    /** Text from a client, shortened and with control characters shown as {@code ?}, fit for one line. */
    static String printable(String text) {
        String shown = text.length() > 60 ? text.substring(0, 60) + "..." : text;
        return "\"" + shown.replaceAll("\\p{Cntrl}", "?") + "\"";
    }
}
