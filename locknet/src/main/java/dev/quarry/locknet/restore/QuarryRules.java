package dev.quarry.locknet.restore;

import static java.util.Objects.requireNonNull;

import dev.quarry.locknet.ruleset.Chain;
import dev.quarry.locknet.ruleset.Hook;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The part of a filter table that belongs to Quarry: its chains with their rules, and the hooks into them.
 * Both what a host has now (read by iptables-save) and what it should have are described this way.
 *
 * @param chains each Quarry chain's name and its rules as iptables-save writes them, without {@code -A NAME}
 * @param hooks the hook rules, once per occurrence (a hook added twice by hand appears twice)
 */
public record QuarryRules(Map<String, List<String>> chains, List<Hook> hooks) {
    /** A table where locknet never ran. */
    public static final QuarryRules NONE = new QuarryRules(Map.of(), List.of());

    public QuarryRules {
        requireNonNull(chains, "chains is null");
        Map<String, List<String>> copy = new LinkedHashMap<>();
        chains.forEach((name, rules) -> {
            if (!Chain.isQuarryChain(name)) {
                throw new IllegalArgumentException(name + " is not one of Quarry's chains");
            }
            copy.put(name, List.copyOf(rules));
        });
        chains = Collections.unmodifiableMap(copy);
        hooks = List.copyOf(requireNonNull(hooks, "hooks is null"));
    }

    /** How many times a hook is present. */
    public int count(Hook hook) {
        return (int) hooks.stream().filter(hook::equals).count();
    }
}
