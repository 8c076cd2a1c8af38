package dev.quarry.hq.firewall;

import static java.util.Objects.requireNonNull;

import dev.quarry.agent.firewall.FirewallRequest;
import dev.quarry.locknet.Locknet;
import dev.quarry.locknet.grid.HostAddress;
import dev.quarry.locknet.grid.Ports;
import java.time.Duration;
import java.util.List;

/**
 * What every host's rules share.
 *
 * @param sshPort the system sshd's port, public on every host (22)
 * @param hqPort HQ's SSH endpoint, public on the host with the hq role (2222)
 * @param otherAddresses grid members without an agent of their own, such as HQ's host when it runs none; every
 *     host accepts everything from them too
 * @param confirmTimeout how long a host keeps new rules without HQ's confirm before it restores its previous ones
 */
public record FirewallSettings(int sshPort, int hqPort, List<String> otherAddresses, Duration confirmTimeout) {
    public static final FirewallSettings DEFAULT = new FirewallSettings(Ports.DEFAULT_SSH, Ports.DEFAULT_HQ,
            List.of(), Locknet.DEFAULT_CONFIRM_TIMEOUT);

    public FirewallSettings {
        new Ports(sshPort, hqPort, Ports.DEFAULT_AGENT);
        otherAddresses = requireNonNull(otherAddresses, "otherAddresses is null").stream()
                .map(address -> HostAddress.parse(address).text()).toList();
        requireNonNull(confirmTimeout, "confirmTimeout is null");
        if (confirmTimeout.compareTo(FirewallRequest.SHORTEST_TIMEOUT) < 0
                || confirmTimeout.compareTo(FirewallRequest.LONGEST_TIMEOUT) > 0) {
            throw new IllegalArgumentException("the firewall's confirm timeout must be from 1s to 10m, got "
                    + confirmTimeout);
        }
    }

    public FirewallSettings withOtherAddresses(List<String> addresses) {
        return new FirewallSettings(sshPort, hqPort, addresses, confirmTimeout);
    }

    public FirewallSettings withConfirmTimeout(Duration timeout) {
        return new FirewallSettings(sshPort, hqPort, otherAddresses, timeout);
    }

    /** The ports of one host's rules: its own agent port, the shared SSH and HQ ports. */
    Ports portsFor(FirewallHost host) {
        return new Ports(sshPort, hqPort, host.agentPort());
    }
}
