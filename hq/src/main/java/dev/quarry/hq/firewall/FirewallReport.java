package dev.quarry.hq.firewall;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;

/**
 * Every host's outcome of one round, in the order the hosts were given.
 *
 * @param results one per host
 */
public record FirewallReport(List<HostResult> results) {
    public FirewallReport {
        results = List.copyOf(requireNonNull(results, "results is null"));
    }

    /** Whether every host kept the new rules. */
    public boolean allKept() {
        return results.stream().allMatch(result -> result.verdict() == FirewallVerdict.KEPT);
    }

    /** The hosts that ended with {@code verdict}. */
    public List<HostResult> with(FirewallVerdict verdict) {
        return results.stream().filter(result -> result.verdict() == verdict).toList();
    }

    /** {@code locknet: 2 of 4 hosts kept the new rules; rolled back: s2; unreachable: s3; not applied: s4}. */
    public String summary() {
        List<String> parts = new ArrayList<>();
        parts.add("locknet: " + with(FirewallVerdict.KEPT).size() + " of " + results.size()
                + " hosts kept the new rules");
        for (FirewallVerdict verdict : FirewallVerdict.values()) {
            List<String> names = with(verdict).stream().map(result -> result.host().name()).toList();
            if (verdict != FirewallVerdict.KEPT && !names.isEmpty()) {
                parts.add(verdict.words() + ": " + String.join(", ", names));
            }
        }
        return String.join("; ", parts);
    }

    /** One line per host. */
    public List<String> lines() {
        return results.stream().map(HostResult::line).toList();
    }
}
