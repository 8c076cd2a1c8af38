package dev.quarry.locknet.apply;

import static java.util.Objects.requireNonNull;

/** How an applied ruleset ended: kept, rolled back, or replaced by a newer one before either. */
public sealed interface ApplyOutcome {
    /** One line for a user. */
    String describe();

    /** Someone confirmed in time; the new rules stay. */
    record Kept() implements ApplyOutcome {
        @Override
        public String describe() {
            return "kept the new rules";
        }
    }

    /** Nobody confirmed in time (or the rollback was asked for); the previous rules are back. */
    record RolledBack(String reason) implements ApplyOutcome {
        public RolledBack {
            requireNonNull(reason, "reason is null");
        }

        @Override
        public String describe() {
            return reason + "; restored the previous rules";
        }
    }

    /** The previous rules could not be restored; the host may still have the new ones. */
    record RollbackFailed(String error) implements ApplyOutcome {
        public RollbackFailed {
            requireNonNull(error, "error is null");
        }

        @Override
        public String describe() {
            return "could not restore the previous rules: " + error;
        }
    }

    /** A newer apply took over before this one was confirmed; it rolls back to the same previous rules. */
    record Superseded() implements ApplyOutcome {
        @Override
        public String describe() {
            return "replaced by a newer apply before it was confirmed";
        }
    }
}
