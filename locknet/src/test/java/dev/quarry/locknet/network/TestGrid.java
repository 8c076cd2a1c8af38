package dev.quarry.locknet.network;

import dev.quarry.locknet.apply.Applier;
import dev.quarry.locknet.apply.CommandResult;
import dev.quarry.locknet.apply.Iptables;
import dev.quarry.locknet.apply.Scheduler;
import dev.quarry.locknet.grid.Family;
import dev.quarry.locknet.grid.GridHosts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.concurrent.TimeUnit;

/**
 * Three grid hosts and one outsider, each a network namespace with one veth into a bridge that lives in a
 * fifth namespace. Addresses 10.77.0.0/24 and fd77::/64 exist only inside these namespaces; nothing here
 * touches the machine's own network or iptables. {@link #close()} removes it all, also after a failure.
 */
public final class TestGrid implements AutoCloseable {
    public static final String OUTSIDER = "outsider";
    private static final Map<String, Integer> HOST_NUMBERS = Map.of("g1", 1, "g2", 2, "g3", 3, OUTSIDER, 9);
    private static final List<String> HOST_NAMES = List.of("g1", "g2", "g3", OUTSIDER);

    private final String prefix;
    private final Map<String, Namespace> namespaces = new LinkedHashMap<>();
    private final List<Process> processes = new ArrayList<>();

    private TestGrid(String prefix) {
        this.prefix = prefix;
    }

    /** Builds the namespaces, veths and bridge, under a random prefix so parallel runs never collide. */
    public static TestGrid create() {
        TestGrid grid = new TestGrid("qln" + randomSuffix());
        try {
            grid.build();
            return grid;
        } catch (RuntimeException | Error failure) {
            grid.close();
            throw failure;
        }
    }

    private void build() {
        Namespace bridge = Namespace.create(prefix + "-sw");
        namespaces.put("switch", bridge);
        bridge.mustRun("ip", "link", "add", "br0", "type", "bridge");
        bridge.mustRun("ip", "link", "set", "br0", "up");
        for (String host : HOST_NAMES) {
            Namespace namespace = Namespace.create(prefix + "-" + host);
            namespaces.put(host, namespace);
            String port = "v-" + host;
            bridge.mustRun("ip", "link", "add", port, "type", "veth", "peer", "name", "eth0", "netns", namespace.name());
            bridge.mustRun("ip", "link", "set", port, "master", "br0", "up");
            namespace.mustRun("ip", "addr", "add", ipv4(host) + "/24", "dev", "eth0");
            namespace.mustRun("ip", "-6", "addr", "add", ipv6(host) + "/64", "dev", "eth0", "nodad");
            namespace.mustRun("ip", "link", "set", "eth0", "up");
        }
    }

    /**
     * Adds a container behind a grid host, the way Docker wires one: a veth named {@code docker0} on the host
     * side (172.30.0.1), the container at 172.30.0.2 routing through it, and forwarding on in the host.
     */
    public Namespace addContainer(String host) {
        Namespace container = Namespace.create(prefix + "-c" + host);
        namespaces.put("container-" + host, container);
        Namespace dockerHost = host(host);
        dockerHost.mustRun("ip", "link", "add", "docker0", "type", "veth", "peer", "name", "eth0", "netns", container.name());
        dockerHost.mustRun("ip", "addr", "add", "172.30.0.1/24", "dev", "docker0");
        dockerHost.mustRun("ip", "link", "set", "docker0", "up");
        dockerHost.mustRun("sysctl", "-q", "-w", "net.ipv4.ip_forward=1");
        container.mustRun("ip", "addr", "add", "172.30.0.2/24", "dev", "eth0");
        container.mustRun("ip", "link", "set", "eth0", "up");
        container.mustRun("ip", "route", "add", "default", "via", "172.30.0.1");
        return container;
    }

    public Namespace host(String name) {
        Namespace namespace = namespaces.get(name);
        if (namespace == null) {
            throw new IllegalArgumentException("no host " + name + " in the test grid");
        }
        return namespace;
    }

    public static String ipv4(String host) {
        return "10.77.0." + HOST_NUMBERS.get(host);
    }

    public static String ipv6(String host) {
        return "fd77::" + HOST_NUMBERS.get(host);
    }

    /** The named hosts' IPv4 and IPv6 addresses, as HQ would list them. */
    public static GridHosts gridHosts(String... hosts) {
        List<String> addresses = new ArrayList<>();
        for (String host : hosts) {
            addresses.add(ipv4(host));
            addresses.add(ipv6(host));
        }
        return GridHosts.parse(addresses);
    }

    /** An applier for one host's iptables and ip6tables. */
    public Applier applier(String host, Scheduler scheduler) {
        return new Applier(List.of(iptables(host, Family.IPV4), iptables(host, Family.IPV6)), scheduler);
    }

    public Iptables iptables(String host, Family family) {
        return new Iptables(family, host(host).runner());
    }

    /** Starts a process inside a host; it is stopped by {@link #close()} if the test has not stopped it. */
    public Process start(String host, String... command) {
        try {
            Process process = new ProcessBuilder(host(host).inside(List.of(command))).start();
            processes.add(process);
            return process;
        } catch (IOException broken) {
            throw new UncheckedIOException("cannot start " + String.join(" ", command) + " in " + host, broken);
        }
    }

    /** Starts listeners on a host that accept any number of connections, and waits until each accepts. */
    public void listen(String host, int... ports) {
        for (int port : ports) {
            start(host, "busybox", "nc", "-ll", "-p", Integer.toString(port), "-e", "/bin/true");
        }
        for (int port : ports) {
            Probes.awaitListening(host(host), port);
        }
    }

    /** What happens to TCP connections from one host to another's IPv4 address, port by port. */
    public SortedMap<Integer, Reach> reach(String from, String to, Integer... ports) {
        return Probes.attempts(host(from), ipv4(to), List.of(ports));
    }

    /** The same over IPv6. */
    public SortedMap<Integer, Reach> reachOverIpv6(String from, String to, Integer... ports) {
        return Probes.attempts(host(from), ipv6(to), List.of(ports));
    }

    /** Stops the processes this grid started (by their own handles) and deletes its namespaces. */
    @Override
    public void close() {
        for (Process process : processes) {
            process.destroy();
        }
        for (Process process : processes) {
            try {
                if (!process.waitFor(2, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException interrupted) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
        namespaces.values().forEach(Namespace::delete);
    }

    /** The saved filter table of one family in one host, without comments or counters, for comparing. */
    public String filterTable(String host, Family family) {
        CommandResult saved = host(host).run(family.saveTool(), "-t", "filter");
        if (!saved.succeeded()) {
            throw new AssertionError("cannot save the filter table of " + host + ": " + saved.errorLine());
        }
        return saved.output().lines().filter(line -> !line.startsWith("#"))
                .map(line -> line.replaceAll("\\[\\d+:\\d+\\]", "[0:0]"))
                .reduce("", (all, line) -> all + line + "\n");
    }

    private static String randomSuffix() {
        String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
        SecureRandom random = new SecureRandom();
        StringBuilder suffix = new StringBuilder();
        for (int index = 0; index < 6; index++) {
            suffix.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return suffix.toString();
    }
}
