package dev.quarry.testsupport;

import static java.util.Objects.requireNonNull;

import java.security.SecureRandom;
import java.util.List;

/**
 * A veth pair from this machine into a namespace, on a /24 of its own: the machine's end is {@code PREFIX.N.1},
 * the namespace's {@code eth0} is {@code PREFIX.N.2}. Only that interface and its route are added on the
 * machine; deleting the link (or the namespace) removes both ends.
 *
 * @param hostInterface the machine's end, such as {@code qfwab12cd-h}
 * @param namespace the namespace holding the other end, named {@code eth0}
 * @param subnet the first three octets, such as {@code 10.78.41}
 */
public record HostLink(String hostInterface, NetworkNamespace namespace, String subnet) {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int SUBNET_TRIES = 50;

    public HostLink {
        requireNonNull(hostInterface, "hostInterface is null");
        requireNonNull(namespace, "namespace is null");
        requireNonNull(subnet, "subnet is null");
    }

    /**
     * Makes the link on a /24 under {@code firstTwoOctets} (such as {@code 10.78}) that no address or route on
     * this machine uses yet, and brings both ends up.
     */
    public static HostLink create(NetworkNamespace namespace, String firstTwoOctets) {
        String subnet = freeSubnet(firstTwoOctets);
        HostLink link = new HostLink(namespace.name() + "-h", namespace, subnet);
        mustRunOnMachine("ip", "link", "add", link.hostInterface, "type", "veth", "peer", "name", "eth0", "netns",
                namespace.name());
        mustRunOnMachine("ip", "addr", "add", link.hostAddress() + "/24", "dev", link.hostInterface);
        mustRunOnMachine("ip", "link", "set", link.hostInterface, "up");
        namespace.mustRun("ip", "addr", "add", link.namespaceAddress() + "/24", "dev", "eth0");
        namespace.mustRun("ip", "link", "set", "eth0", "up");
        return link;
    }

    /** The machine's address on the link. */
    public String hostAddress() {
        return subnet + ".1";
    }

    /** The namespace's address on the link. */
    public String namespaceAddress() {
        return subnet + ".2";
    }

    /** Another address of the subnet, such as {@code PREFIX.N.3}. */
    public String address(int last) {
        return subnet + "." + last;
    }

    /** Gives the machine's end one more address of the subnet (a second source to connect from). */
    public void addHostAddress(String address) {
        mustRunOnMachine("ip", "addr", "add", address + "/32", "dev", hostInterface);
    }

    /** Removes both ends; answers whether it went (gone already, with its namespace, counts as gone). */
    public boolean delete() {
        NetworkNamespace.onMachine(List.of("ip", "link", "delete", hostInterface));
        return !NetworkNamespace.onMachine(List.of("ip", "link", "show", hostInterface)).succeeded();
    }

    private static String freeSubnet(String firstTwoOctets) {
        String used = NetworkNamespace.onMachine(List.of("ip", "-4", "-o", "addr", "show")).stdout()
                + NetworkNamespace.onMachine(List.of("ip", "-4", "route", "show", "table", "all")).stdout();
        for (int tries = 0; tries < SUBNET_TRIES; tries++) {
            String subnet = firstTwoOctets + "." + (1 + RANDOM.nextInt(254));
            if (!used.contains(subnet + ".")) {
                return subnet;
            }
        }
        throw new AssertionError("no free /24 under " + firstTwoOctets + " on this machine; remove leftover links");
    }

    private static void mustRunOnMachine(String... command) {
        CommandResult result = NetworkNamespace.onMachine(List.of(command));
        if (!result.succeeded()) {
            throw new AssertionError("cannot run " + String.join(" ", command) + ": " + result.stderr().strip());
        }
    }
}
