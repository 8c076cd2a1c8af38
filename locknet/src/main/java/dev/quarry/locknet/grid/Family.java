package dev.quarry.locknet.grid;

/** An IP address family, with the iptables tools that filter it. */
public enum Family {
    IPV4("IPv4", "iptables", 32),
    IPV6("IPv6", "ip6tables", 128);

    private final String displayName;
    private final String tool;
    private final int hostPrefixLength;

    Family(String displayName, String tool, int hostPrefixLength) {
        this.displayName = displayName;
        this.tool = tool;
        this.hostPrefixLength = hostPrefixLength;
    }

    /** {@code IPv4} or {@code IPv6}, as users write it. */
    public String displayName() {
        return displayName;
    }

    /** {@code iptables-save} or {@code ip6tables-save}. */
    public String saveTool() {
        return tool + "-save";
    }

    /** {@code iptables-restore} or {@code ip6tables-restore}. */
    public String restoreTool() {
        return tool + "-restore";
    }

    /** The prefix length that names one host: 32 or 128. */
    public int hostPrefixLength() {
        return hostPrefixLength;
    }
}
