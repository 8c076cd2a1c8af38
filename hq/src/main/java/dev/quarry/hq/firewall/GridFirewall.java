package dev.quarry.hq.firewall;

import static java.util.Objects.requireNonNull;

import dev.quarry.agent.client.AgentClient;
import dev.quarry.agent.client.AgentException;
import dev.quarry.agent.firewall.FirewallRequest;
import dev.quarry.locknet.grid.GridHosts;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Sets the grid's firewall: every host gets locknet's rules for the current grid through its agent, all hosts at
 * once, and keeps them only if HQ then reaches its agent over a new connection; a host HQ cannot reach any more
 * restores its previous rules by itself. HQ calls {@link #apply} whenever a server joins or leaves the grid.
 * One round runs at a time, so two rounds never mix their applies and confirms on a host; keep one per HQ.
 */
public final class GridFirewall {
    /** How long past a host's confirm timeout HQ waits before asking again whether it rolled back. */
    static final Duration FINAL_QUESTION_GRACE = Duration.ofSeconds(1);

    private final FirewallAgents agents;
    private final FirewallSettings settings;
    private final Object rounds = new Object();

    public GridFirewall(FirewallAgents agents, FirewallSettings settings) {
        this.agents = requireNonNull(agents, "agents is null");
        this.settings = requireNonNull(settings, "settings is null");
    }

    /**
     * Applies and confirms every host's rules. Blocks until each host has an outcome: about a second usually, at
     * most the confirm timeout plus a second and two connection attempts when a host does not answer. A host on
     * this machine's loopback (a local server) is left alone, as HQ's machine's firewall is not the grid's.
     *
     * @param hosts every host of the grid that runs an agent; their addresses, and the settings' other
     *     addresses, make up the grid every host accepts everything from
     * @throws IllegalArgumentException before anything is applied, when two hosts share a name or an address
     */
    public FirewallReport apply(List<FirewallHost> hosts) {
        List<FirewallHost> checked = List.copyOf(requireNonNull(hosts, "hosts is null"));
        refuseRepeats(checked);
        List<String> addresses = new ArrayList<>(settings.otherAddresses());
        checked.stream().filter(host -> !host.isLoopback()).forEach(host -> addresses.add(host.address()));
        GridHosts grid = addresses.isEmpty() ? null : GridHosts.parse(addresses);
        synchronized (rounds) {
            List<Future<HostResult>> results = new ArrayList<>();
            try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
                checked.forEach(host -> results.add(executor.submit(() -> round(host, grid))));
            }
            return new FirewallReport(results.stream().map(GridFirewall::outcome).toList());
        }
    }

    private HostResult round(FirewallHost host, GridHosts grid) {
        if (host.isLoopback()) {
            return new HostResult(host, FirewallVerdict.NOT_APPLIED, "it is on this machine's loopback (a local"
                    + " server); HQ leaves its own machine's firewall alone");
        }
        FirewallRequest request = FirewallRequest.of(grid, host.roles(), settings.portsFor(host),
                settings.confirmTimeout());
        AgentClient client;
        try {
            client = agents.client(host);
        } catch (AgentException e) {
            return new HostResult(host, FirewallVerdict.UNREACHABLE, e.getMessage());
        }
        return new HostRound(host, client, request, FINAL_QUESTION_GRACE).run();
    }

    private static void refuseRepeats(List<FirewallHost> hosts) {
        Map<String, String> names = new HashMap<>();
        Map<String, String> addresses = new HashMap<>();
        for (FirewallHost host : hosts) {
            requireNonNull(host, "a host is null");
            if (names.put(host.name(), host.name()) != null) {
                throw new IllegalArgumentException("two firewall hosts are named " + host.name()
                        + "; give each host its own name");
            }
            String earlier = addresses.put(host.address(), host.name());
            if (earlier != null) {
                throw new IllegalArgumentException("hosts " + earlier + " and " + host.name() + " share the address "
                        + host.address() + "; give each host its own address");
            }
        }
    }

    private static HostResult outcome(Future<HostResult> result) {
        try {
            return result.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the firewall round", e);
        }
    }
}
