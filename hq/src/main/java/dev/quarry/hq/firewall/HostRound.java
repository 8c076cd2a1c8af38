package dev.quarry.hq.firewall;

import dev.quarry.agent.client.AgentClient;
import dev.quarry.agent.client.AgentException;
import dev.quarry.agent.firewall.FirewallApplied;
import dev.quarry.agent.firewall.FirewallConfirmed;
import dev.quarry.agent.firewall.FirewallRequest;
import java.time.Duration;
import java.util.stream.Collectors;

/**
 * One host's part of a round: apply through the agent, then confirm over a new connection. When that confirm
 * does not get through, wait until the host's timeout has run out and ask once more, so the report says
 * whether the host rolled back by itself rather than guessing.
 */
final class HostRound {
    private final FirewallHost host;
    private final AgentClient client;
    private final FirewallRequest request;
    private final Duration grace;

    /** @param grace how long past the confirm timeout the last question waits, for the host's timer to fire */
    HostRound(FirewallHost host, AgentClient client, FirewallRequest request, Duration grace) {
        this.host = host;
        this.client = client;
        this.request = request;
        this.grace = grace;
    }

    HostResult run() {
        FirewallApplied applied;
        try {
            applied = client.applyFirewall(request);
        } catch (AgentException e) {
            return notApplied(e);
        }
        long deadline = System.nanoTime() + request.confirmTimeout().plus(grace).toNanos();
        try {
            return confirmed(client.confirmFirewall(), applied);
        } catch (AgentException e) {
            return afterTimeout(e, applied, deadline);
        }
    }

    private HostResult notApplied(AgentException e) {
        if (e.exitStatus() == AgentException.UNREACHED) {
            return result(FirewallVerdict.UNREACHABLE, e.getMessage() + "; if the rules got there, the agent restores"
                    + " its previous rules by itself within " + seconds(request.confirmTimeout()));
        }
        return result(FirewallVerdict.NOT_APPLIED, e.getMessage());
    }

    private HostResult afterTimeout(AgentException first, FirewallApplied applied, long deadline) {
        String cutOff = "HQ could not confirm over a new connection (" + first.getMessage() + ")";
        try {
            Thread.sleep(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return result(FirewallVerdict.UNREACHABLE, cutOff + "; HQ stopped waiting; the agent restores its"
                    + " previous rules by itself within " + seconds(request.confirmTimeout()));
        }
        FirewallConfirmed late;
        try {
            late = client.confirmFirewall();
        } catch (AgentException again) {
            return result(FirewallVerdict.UNREACHABLE, cutOff + ", nor after its " + seconds(request.confirmTimeout())
                    + " timeout; unless the host is down, its agent has restored its previous rules by itself");
        }
        return switch (late.outcome()) {
            case ROLLED_BACK -> result(FirewallVerdict.ROLLED_BACK, cutOff + "; the agent rolled back by itself: "
                    + late.reason());
            case KEPT -> result(FirewallVerdict.KEPT, kept(applied) + ", confirmed on a second try after " + cutOff);
            default -> confirmed(late, applied);
        };
    }

    private HostResult confirmed(FirewallConfirmed answer, FirewallApplied applied) {
        return switch (answer.outcome()) {
            case KEPT -> result(FirewallVerdict.KEPT, kept(applied));
            case ROLLED_BACK -> result(FirewallVerdict.ROLLED_BACK, "HQ's confirm came too late: " + answer.reason());
            case ROLLBACK_FAILED -> result(FirewallVerdict.ROLLBACK_FAILED, answer.reason()
                    + "; look at the host's rules with iptables-save");
            case SUPERSEDED -> result(FirewallVerdict.NOT_APPLIED, "another apply replaced these rules before HQ"
                    + " confirmed them; apply again");
            case NOTHING_PENDING -> result(FirewallVerdict.ROLLED_BACK, "the agent has no apply to confirm: it"
                    + " restarted after the apply and rolled back on its way out");
        };
    }

    private static String kept(FirewallApplied applied) {
        return "kept the new rules: " + applied.hosts() + (applied.hosts() == 1 ? " grid host" : " grid hosts")
                + ", public ports "
                + applied.publicPorts().stream().map(String::valueOf).collect(Collectors.joining(", "));
    }

    private HostResult result(FirewallVerdict verdict, String reason) {
        return new HostResult(host, verdict, reason);
    }

    private static String seconds(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + "s" : duration.toMillis() + "ms";
    }
}
