package dev.quarry.locknet.ruleset;

import dev.quarry.locknet.grid.HostAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;

/**
 * {@code QUARRY-DOCKER}, entered from Docker's {@code DOCKER-USER}: which connections to published container
 * ports may pass. It only ever returns to Docker's own rules or drops; it never accepts by itself.
 */
final class DockerChain {
    static final String NAME = Hook.DOCKER_USER.target();

    private DockerChain() {}

    static Chain build(List<HostAddress> hosts, SortedSet<Integer> publicPorts) {
        List<Rule> rules = new ArrayList<>();
        rules.add(Rule.of("-m", "conntrack", "--ctstate", "ESTABLISHED,RELATED", "-j", "RETURN"));
        // Only connections to a published port are address-translated; containers' own traffic is not ours to judge.
        rules.add(Rule.of("-m", "conntrack", "!", "--ctstate", "DNAT", "-j", "RETURN"));
        // Containers on this host reaching a published port through the host's address arrive on Docker's bridges.
        rules.add(Rule.of("-i", "docker+", "-j", "RETURN"));
        rules.add(Rule.of("-i", "br-+", "-j", "RETURN"));
        for (int port : publicPorts) {
            rules.add(Rule.of("-p", "tcp", "-m", "conntrack", "--ctorigdstport", Integer.toString(port), "-j", "RETURN"));
        }
        for (HostAddress host : hosts) {
            rules.add(Rule.of("-s", host.asSource(), "-j", "RETURN"));
        }
        rules.add(Rule.of("-j", "DROP"));
        return new Chain(NAME, rules);
    }
}
