package dev.quarry.locknet.ruleset;

import static java.util.Objects.requireNonNull;

import dev.quarry.locknet.grid.Family;

/**
 * Everything locknet wants on one host: the IPv4 rules for iptables and the IPv6 rules for ip6tables.
 *
 * @param ipv4 the IPv4 chains and hooks
 * @param ipv6 the IPv6 chains and hooks
 */
public record Ruleset(FamilyRuleset ipv4, FamilyRuleset ipv6) {
    public Ruleset {
        requireNonNull(ipv4, "ipv4 is null");
        requireNonNull(ipv6, "ipv6 is null");
        if (ipv4.family() != Family.IPV4 || ipv6.family() != Family.IPV6) {
            throw new IllegalArgumentException("ipv4 and ipv6 rulesets are swapped");
        }
    }

    public FamilyRuleset of(Family family) {
        return family == Family.IPV4 ? ipv4 : ipv6;
    }
}
