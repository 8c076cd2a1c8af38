package dev.quarry.locknet.ruleset;

import static java.util.Objects.requireNonNull;

import dev.quarry.locknet.grid.Family;
import java.util.List;

/**
 * Quarry's chains for one address family and the hooks that lead into them.
 *
 * @param family IPv4 (iptables) or IPv6 (ip6tables)
 * @param chains Quarry's chains with their rules
 * @param hooks where each chain is entered from; a hook whose chain does not exist on a host is left out there
 */
public record FamilyRuleset(Family family, List<Chain> chains, List<Hook> hooks) {
    public FamilyRuleset {
        requireNonNull(family, "family is null");
        chains = List.copyOf(requireNonNull(chains, "chains is null"));
        hooks = List.copyOf(requireNonNull(hooks, "hooks is null"));
        List<String> names = chains.stream().map(Chain::name).toList();
        if (names.stream().distinct().count() != names.size()) {
            throw new IllegalArgumentException("chain names repeat: " + names);
        }
        for (Hook hook : hooks) {
            if (!names.contains(hook.target())) {
                throw new IllegalArgumentException("hook " + hook + " jumps to a chain the ruleset does not have");
            }
        }
    }
}
