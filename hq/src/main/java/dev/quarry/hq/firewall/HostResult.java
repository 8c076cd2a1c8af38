package dev.quarry.hq.firewall;

import static java.util.Objects.requireNonNull;

/**
 * One host's outcome of a round.
 *
 * @param host the host
 * @param verdict kept, rolled back, rollback failed, not applied or unreachable
 * @param reason one line: what happened, and what to do when it needs something
 */
public record HostResult(FirewallHost host, FirewallVerdict verdict, String reason) {
    public HostResult {
        requireNonNull(host, "host is null");
        requireNonNull(verdict, "verdict is null");
        requireNonNull(reason, "reason is null");
        reason = reason.strip().lines().findFirst().orElse("").strip();
    }

    /** {@code s1 (10.0.0.1): kept: kept the new rules: 3 grid hosts, public ports 22, 2200}. */
    public String line() {
        return host.describe() + ": " + verdict.words() + ": " + reason;
    }
}
