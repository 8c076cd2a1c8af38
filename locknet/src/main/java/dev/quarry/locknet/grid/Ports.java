package dev.quarry.locknet.grid;

/**
 * The TCP ports of the grid's SSH endpoints, open to anyone.
 *
 * @param ssh the system's sshd, on every host (22)
 * @param hq HQ's endpoint for git push and the CLI, on the HQ host (2222)
 * @param agent the Quarry agent HQ drives every host through, on every host (2200)
 */
public record Ports(int ssh, int hq, int agent) {
    public static final int DEFAULT_SSH = 22;
    public static final int DEFAULT_HQ = 2222;
    public static final int DEFAULT_AGENT = 2200;
    public static final Ports DEFAULT = new Ports(DEFAULT_SSH, DEFAULT_HQ, DEFAULT_AGENT);

    public Ports {
        check("ssh", ssh);
        check("hq", hq);
        check("agent", agent);
    }

    private static void check(String which, int port) {
        if (port < 1 || port > 65535) {
            throw new LocknetInputException(which + " port " + port + " is not a TCP port; use 1 to 65535");
        }
    }
}
