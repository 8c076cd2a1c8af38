package dev.quarry.agent.firewall;

/** How the latest locknet-apply ended, as locknet-confirm answers it. */
public enum ConfirmOutcome {
    /** Confirmed in time (now, or by an earlier confirm): the new rules stay. */
    KEPT,
    /** Too late: the dead-man timer ran out (or the agent was stopping) and the previous rules are back. */
    ROLLED_BACK,
    /** Too late, and putting the previous rules back failed: the host's rules are unknown; look at it by hand. */
    ROLLBACK_FAILED,
    /** Never the latest apply's outcome; kept so every locknet outcome has a word. */
    SUPERSEDED,
    /** This agent has applied nothing since it started (an agent that restarted rolled back on its way out). */
    NOTHING_PENDING
}
