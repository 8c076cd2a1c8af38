package dev.quarry.hq.firewall;

import java.util.Locale;

/** How one host's firewall ended after a round. */
public enum FirewallVerdict {
    /** HQ reached the agent over a new connection in time: the new rules stay. */
    KEPT,
    /** The new rules were loaded but not confirmed in time; the host put its previous rules back by itself. */
    ROLLED_BACK,
    /** The host tried to put its previous rules back and failed: its rules are unknown; look at it by hand. */
    ROLLBACK_FAILED,
    /** Nothing changed on the host: the agent refused or failed the apply, or HQ leaves that host alone. */
    NOT_APPLIED,
    /** HQ lost the agent: not reached for the apply, or not again after it (it then rolls back by itself). */
    UNREACHABLE;

    /** {@code rolled back}, as report lines say it. */
    public String words() {
        return name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
