package dev.quarry.locknet.apply;

import static java.util.Objects.requireNonNull;

import dev.quarry.locknet.grid.Family;
import dev.quarry.locknet.restore.FilterTable;
import dev.quarry.locknet.restore.QuarryRules;
import dev.quarry.locknet.restore.RestoreDocument;
import dev.quarry.locknet.restore.TargetRules;
import dev.quarry.locknet.ruleset.Ruleset;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Applies rulesets to one host: tests every document, remembers Quarry's current chains, loads the new ones
 * (one transaction per family) and starts a dead-man timer that puts the remembered chains back unless
 * {@link #confirm()} is called in time. One applier per host process; it serialises applies and rollbacks.
 */
public final class Applier {
    private static final List<String> APPLY_HEADING = List.of("# quarry locknet: apply");
    private static final List<String> ROLLBACK_HEADING = List.of("# quarry locknet: roll back");

    final Object lock = new Object();
    private final List<Iptables> tables;
    private final Scheduler scheduler;
    private PendingApply pending;

    /** @param tables one {@link Iptables} per family, loaded in this order */
    public Applier(List<Iptables> tables, Scheduler scheduler) {
        this.tables = List.copyOf(requireNonNull(tables, "tables is null"));
        this.scheduler = requireNonNull(scheduler, "scheduler is null");
        if (this.tables.isEmpty() || this.tables.stream().map(Iptables::family).distinct().count() != this.tables.size()) {
            throw new IllegalArgumentException("give each family's iptables once, got " + this.tables.size());
        }
    }

    /** This machine's iptables and ip6tables, run as child processes. */
    public static Applier onThisHost() {
        CommandRunner runner = new ProcessCommandRunner();
        return new Applier(List.of(new Iptables(Family.IPV4, runner), new Iptables(Family.IPV6, runner)),
                new VirtualThreadScheduler());
    }

    /**
     * Loads {@code ruleset} and returns it pending: unless confirmed within {@code confirmTimeout}, the chains
     * from before are restored. A ruleset iptables refuses changes nothing. Applying while another apply is
     * pending replaces it; the rollback then still goes back to the rules from before the first.
     *
     * @throws LocknetFailure when iptables cannot be run or refuses the documents
     */
    public PendingApply apply(Ruleset ruleset, Duration confirmTimeout) {
        requireNonNull(ruleset, "ruleset is null");
        if (confirmTimeout.isNegative() || confirmTimeout.isZero()) {
            throw new IllegalArgumentException("confirmTimeout must be positive, got " + confirmTimeout);
        }
        synchronized (lock) {
            Map<Family, FilterTable> current = new LinkedHashMap<>();
            tables.forEach(table -> current.put(table.family(), table.save()));
            Map<Family, String> documents = new LinkedHashMap<>();
            current.forEach((family, table) -> documents.put(family, RestoreDocument.render(
                    APPLY_HEADING, table.quarry(), TargetRules.of(ruleset.of(family), table))));
            tables.forEach(table -> table.test(documents.get(table.family())));
            Map<Family, QuarryRules> previous = pending != null ? pending.previous() : quarryParts(current);
            load(documents, quarryParts(current));
            if (pending != null) {
                pending.resolve(new ApplyOutcome.Superseded());
            }
            pending = new PendingApply(this, previous, confirmTimeout);
            pending.start(scheduler);
            return pending;
        }
    }

    /** Keeps the pending rules, as the agent does when HQ reaches it after an apply; false when none is pending. */
    public boolean confirm() {
        synchronized (lock) {
            return pending != null && pending.confirm();
        }
    }

    /** The apply waiting for confirmation, if any. */
    public Optional<PendingApply> pending() {
        synchronized (lock) {
            return Optional.ofNullable(pending);
        }
    }

    private void load(Map<Family, String> documents, Map<Family, QuarryRules> before) {
        List<Iptables> loaded = new ArrayList<>();
        for (Iptables table : tables) {
            try {
                table.restore(documents.get(table.family()));
                loaded.add(table);
            } catch (LocknetFailure failure) {
                throw new LocknetFailure(withoutPrefix(failure) + undo(loaded, before));
            }
        }
    }

    /** Puts tables already loaded back as they were, and says so for the error line. */
    private String undo(List<Iptables> loaded, Map<Family, QuarryRules> before) {
        StringBuilder said = new StringBuilder();
        for (Iptables table : loaded) {
            try {
                restore(table, before.get(table.family()));
                said.append("; the ").append(table.family().displayName()).append(" rules were put back");
            } catch (LocknetFailure failure) {
                said.append("; putting back the ").append(table.family().displayName())
                        .append(" rules failed too: ").append(withoutPrefix(failure));
            }
        }
        return said.toString();
    }

    /** Restores every family's Quarry chains to {@code previous}; called with the lock held. */
    void restoreAll(Map<Family, QuarryRules> previous) {
        tables.forEach(table -> restore(table, previous.get(table.family())));
    }

    private static void restore(Iptables table, QuarryRules previous) {
        FilterTable now = table.save();
        table.restore(RestoreDocument.render(ROLLBACK_HEADING, now.quarry(), previous));
    }

    /** Called by a pending apply once it is resolved, with the lock held. */
    void finished(PendingApply resolved) {
        if (pending == resolved) {
            pending = null;
        }
    }

    private static Map<Family, QuarryRules> quarryParts(Map<Family, FilterTable> tables) {
        Map<Family, QuarryRules> parts = new LinkedHashMap<>();
        tables.forEach((family, table) -> parts.put(family, table.quarry()));
        return parts;
    }

    private static String withoutPrefix(LocknetFailure failure) {
        return failure.getMessage().replaceFirst("^locknet: ", "");
    }
}
