package dev.quarry.agent.firewall;

import static java.util.Objects.requireNonNull;

import dev.quarry.locknet.apply.ApplyOutcome;

/**
 * What locknet-confirm answers.
 *
 * @param outcome whether the rules of the latest apply were kept, or it was too late
 * @param reason one line, such as {@code not confirmed within 15s; restored the previous rules}
 */
public record FirewallConfirmed(ConfirmOutcome outcome, String reason) {
    public FirewallConfirmed {
        requireNonNull(outcome, "outcome is null");
        requireNonNull(reason, "reason is null");
    }

    static FirewallConfirmed of(ApplyOutcome outcome) {
        ConfirmOutcome word = switch (outcome) {
            case ApplyOutcome.Kept kept -> ConfirmOutcome.KEPT;
            case ApplyOutcome.RolledBack rolledBack -> ConfirmOutcome.ROLLED_BACK;
            case ApplyOutcome.RollbackFailed failed -> ConfirmOutcome.ROLLBACK_FAILED;
            case ApplyOutcome.Superseded superseded -> ConfirmOutcome.SUPERSEDED;
        };
        return new FirewallConfirmed(word, outcome.describe());
    }

    /** Whether the new rules stay. */
    public boolean kept() {
        return outcome == ConfirmOutcome.KEPT;
    }
}
