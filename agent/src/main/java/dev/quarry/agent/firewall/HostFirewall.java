package dev.quarry.agent.firewall;

import static java.util.Objects.requireNonNull;

import dev.quarry.agent.runtime.RuntimeFailure;
import dev.quarry.locknet.Locknet;
import dev.quarry.locknet.apply.Applier;
import dev.quarry.locknet.apply.ApplyOutcome;
import dev.quarry.locknet.apply.LocknetFailure;
import dev.quarry.locknet.apply.PendingApply;
import dev.quarry.locknet.ruleset.PublicPorts;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This host's firewall as the agent drives it: one locknet {@link Applier} for the agent's whole life, made on
 * the first locknet verb (an agent that never gets one never runs iptables), and the latest apply, which
 * locknet-confirm keeps unless its dead-man timer already put the previous rules back.
 */
public final class HostFirewall {
    private static final Logger LOG = LoggerFactory.getLogger(HostFirewall.class);

    private final Supplier<Applier> applierMaker;
    private Applier applier;
    private PendingApply latest;

    /** @param applierMaker called once, on the first apply */
    public HostFirewall(Supplier<Applier> applierMaker) {
        this.applierMaker = requireNonNull(applierMaker, "applierMaker is null");
    }

    /** This machine's iptables and ip6tables. */
    public static HostFirewall onThisHost() {
        return new HostFirewall(Locknet::applier);
    }

    /**
     * Loads the request's rules; they roll back by themselves unless {@link #confirm()} comes within the
     * request's timeout. Rules iptables refuses change nothing.
     *
     * @throws RuntimeFailure when iptables cannot be run or refuses the rules
     */
    public synchronized FirewallApplied apply(FirewallRequest request) {
        boolean replacing = latest != null && latest.outcome().isEmpty();
        PendingApply pending;
        try {
            pending = applier().apply(request.ruleset(), request.confirmTimeout());
        } catch (LocknetFailure failure) {
            throw new RuntimeFailure(failure.getMessage());
        }
        latest = pending;
        List<Integer> publicPorts = List.copyOf(PublicPorts.of(request.roles(), request.ports()));
        LOG.info("locknet: loaded the rules for {} grid hosts, public ports {}; they roll back in {} unless HQ"
                + " confirms over a new connection", request.hosts().size(), publicPorts, request.confirmTimeout());
        Thread.ofVirtual().name("locknet-outcome").start(() -> logOutcome(pending));
        return new FirewallApplied(request.hosts().size(), request.roles(), publicPorts, request.confirmTimeout(),
                replacing);
    }

    /** Keeps the latest apply's rules if it is not too late; answers how that apply ended. */
    public synchronized FirewallConfirmed confirm() {
        if (latest == null) {
            return new FirewallConfirmed(ConfirmOutcome.NOTHING_PENDING, "this agent has applied no rules since it"
                    + " started; nothing to confirm (rules applied before a restart were rolled back on the way out)");
        }
        latest.confirm();
        return FirewallConfirmed.of(latest.outcome().orElseThrow());
    }

    private synchronized Applier applier() {
        if (applier == null) {
            applier = requireNonNull(applierMaker.get(), "the applier maker gave nothing");
        }
        return applier;
    }

    private static void logOutcome(PendingApply pending) {
        try {
            ApplyOutcome outcome = pending.awaitOutcome();
            if (outcome instanceof ApplyOutcome.Kept) {
                LOG.info("locknet: HQ confirmed; {}", outcome.describe());
            } else {
                LOG.warn("locknet: {}", outcome.describe());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
