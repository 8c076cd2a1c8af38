package dev.quarry.agent.firewall;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.agent.runtime.RuntimeFailure;
import dev.quarry.locknet.apply.Applier;
import dev.quarry.locknet.apply.CommandResult;
import dev.quarry.locknet.apply.Iptables;
import dev.quarry.locknet.apply.Scheduler;
import dev.quarry.locknet.grid.Family;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The agent's side of locknet without a network: one applier made on the first apply, confirm answering how the
 * latest apply ended. A hand-made iptables stands in for the real one (the namespace tests run the real one).
 */
class HostFirewallTest {
    private static final String EMPTY_TABLE = "*filter\n:INPUT ACCEPT [0:0]\n:FORWARD ACCEPT [0:0]\n"
            + ":OUTPUT ACCEPT [0:0]\nCOMMIT\n";
    private static final FirewallRequest REQUEST = new FirewallRequest(List.of("10.0.0.1", "10.0.0.2"), Set.of(),
            null, Duration.ofSeconds(15));

    private final AtomicInteger appliersMade = new AtomicInteger();
    private final List<Runnable> timers = new ArrayList<>();
    private final List<String> commands = new ArrayList<>();

    @Test
    void anAgentThatAppliedNothingNeverMakesAnApplier() {
        HostFirewall firewall = new HostFirewall(this::applier);

        FirewallConfirmed confirmed = firewall.confirm();

        assertEquals(ConfirmOutcome.NOTHING_PENDING, confirmed.outcome());
        assertEquals(0, appliersMade.get());
    }

    @Test
    void confirmedInTimeTheRulesAreKeptAndConfirmingAgainSaysSo() {
        HostFirewall firewall = new HostFirewall(this::applier);

        FirewallApplied applied = firewall.apply(REQUEST);
        FirewallConfirmed confirmed = firewall.confirm();
        FirewallConfirmed again = firewall.confirm();

        assertEquals(new FirewallApplied(2, Set.of(), List.of(22, 2200), Duration.ofSeconds(15), false), applied);
        assertEquals(new FirewallConfirmed(ConfirmOutcome.KEPT, "kept the new rules"), confirmed);
        assertEquals(confirmed, again);
        assertTrue(commands.contains("iptables-restore -w 10 --noflush"), commands.toString());
    }

    @Test
    void aConfirmAfterTheTimerRanOutAnswersThatTheRulesWereRolledBack() {
        HostFirewall firewall = new HostFirewall(this::applier);
        firewall.apply(REQUEST);

        timers.getFirst().run();
        FirewallConfirmed confirmed = firewall.confirm();

        assertFalse(confirmed.kept());
        assertEquals(new FirewallConfirmed(ConfirmOutcome.ROLLED_BACK,
                "not confirmed within 15s; restored the previous rules"), confirmed);
    }

    @Test
    void oneApplierServesEveryApplyAndASecondApplyReplacesThePendingOne() {
        HostFirewall firewall = new HostFirewall(this::applier);

        FirewallApplied first = firewall.apply(REQUEST);
        FirewallApplied second = firewall.apply(REQUEST);

        assertFalse(first.replacedPending());
        assertTrue(second.replacedPending());
        assertEquals(1, appliersMade.get());
        assertTrue(firewall.confirm().kept());
    }

    @Test
    void rulesIptablesRefusesFailInOneLineAndLeaveNothingPending() {
        HostFirewall firewall = new HostFirewall(() -> new Applier(List.of(new Iptables(Family.IPV4,
                (command, input) -> command.contains("--test")
                        ? new CommandResult(2, "", "iptables-restore: line 5 failed\n")
                        : new CommandResult(0, EMPTY_TABLE, ""))), this::schedule));

        RuntimeFailure failure = assertThrows(RuntimeFailure.class, () -> firewall.apply(REQUEST));

        assertEquals("locknet: iptables-restore --test refused the IPv4 rules, nothing changed: iptables-restore:"
                + " line 5 failed", failure.getMessage());
        assertEquals(ConfirmOutcome.NOTHING_PENDING, firewall.confirm().outcome());
    }

    private Applier applier() {
        appliersMade.incrementAndGet();
        return new Applier(List.of(new Iptables(Family.IPV4, this::iptables), new Iptables(Family.IPV6,
                this::iptables)), this::schedule);
    }

    private CommandResult iptables(List<String> command, String input) {
        commands.add(String.join(" ", command));
        return new CommandResult(0, command.getFirst().endsWith("-save") ? EMPTY_TABLE : "", "");
    }

    private Scheduler.Cancellation schedule(Duration delay, Runnable action) {
        timers.add(action);
        return () -> { };
    }
}
