package dev.quarry.locknet.ruleset;

import dev.quarry.locknet.grid.Family;
import dev.quarry.locknet.grid.HostAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;

/** {@code QUARRY-INPUT}: what may reach this host's own sockets. */
final class InputChain {
    static final String NAME = Hook.INPUT.target();

    /** IPv6 neighbour discovery: without these a host loses its IPv6 neighbours and routes. */
    private static final List<String> NEIGHBOUR_DISCOVERY = List.of(
            "router-solicitation", "router-advertisement", "neighbour-solicitation", "neighbour-advertisement");

    private InputChain() {}

    static Chain build(Family family, List<HostAddress> hosts, SortedSet<Integer> publicPorts) {
        List<Rule> rules = new ArrayList<>();
        rules.add(Rule.of("-m", "conntrack", "--ctstate", "ESTABLISHED,RELATED", "-j", "ACCEPT"));
        rules.add(Rule.of("-i", "lo", "-j", "ACCEPT"));
        if (family == Family.IPV6) {
            for (String type : NEIGHBOUR_DISCOVERY) {
                rules.add(Rule.of("-p", "ipv6-icmp", "-m", "icmp6", "--icmpv6-type", type, "-j", "ACCEPT"));
            }
        }
        rules.add(dhcpReplies(family));
        for (int port : publicPorts) {
            rules.add(Rule.of("-p", "tcp", "-m", "tcp", "--dport", Integer.toString(port), "-j", "ACCEPT"));
        }
        for (HostAddress host : hosts) {
            rules.add(Rule.of("-s", host.asSource(), "-j", "ACCEPT"));
        }
        rules.add(Rule.of("-j", "DROP"));
        return new Chain(NAME, rules);
    }

    /** Answers from a DHCP server, so a host that takes its address by DHCP keeps it (as ufw allows too). */
    private static Rule dhcpReplies(Family family) {
        String server = family == Family.IPV4 ? "67" : "547";
        String client = family == Family.IPV4 ? "68" : "546";
        return Rule.of("-p", "udp", "-m", "udp", "--sport", server, "--dport", client, "-j", "ACCEPT");
    }
}
