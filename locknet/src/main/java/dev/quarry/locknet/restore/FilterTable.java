package dev.quarry.locknet.restore;

import static java.util.Objects.requireNonNull;

import dev.quarry.locknet.ruleset.Chain;
import dev.quarry.locknet.ruleset.Hook;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A host's filter table as {@code iptables-save -t filter} printed it: which chains exist, and Quarry's part.
 *
 * @param chainNames every chain in the table, built-in ones always included
 * @param quarry Quarry's chains and hooks
 */
public record FilterTable(Set<String> chainNames, QuarryRules quarry) {
    private static final List<String> BUILT_IN = List.of("INPUT", "FORWARD", "OUTPUT");
    /** The table of a host where nothing was ever loaded. */
    public static final FilterTable EMPTY = new FilterTable(Set.of(), QuarryRules.NONE);

    public FilterTable {
        Set<String> names = new LinkedHashSet<>(BUILT_IN);
        names.addAll(requireNonNull(chainNames, "chainNames is null"));
        chainNames = Set.copyOf(names);
        requireNonNull(quarry, "quarry is null");
    }

    public boolean hasChain(String name) {
        return chainNames.contains(name);
    }

    /** Reads iptables-save output of the filter table; other tables, comments and counters are ignored. */
    public static FilterTable parse(String saved) {
        Set<String> names = new LinkedHashSet<>();
        Map<String, List<String>> quarryChains = new LinkedHashMap<>();
        List<Hook> hooks = new ArrayList<>();
        String table = "";
        for (String line : saved.split("\n")) {
            if (line.startsWith("*")) {
                table = line.substring(1).strip();
            } else if (!table.equals("filter")) {
                continue;
            } else if (line.startsWith(":")) {
                String name = line.substring(1).split(" ", 2)[0];
                names.add(name);
                if (Chain.isQuarryChain(name)) {
                    quarryChains.putIfAbsent(name, new ArrayList<>());
                }
            } else if (line.startsWith("-A ")) {
                readRule(line.substring(3).strip(), quarryChains, hooks);
            }
        }
        return new FilterTable(names, new QuarryRules(quarryChains, hooks));
    }

    private static void readRule(String rule, Map<String, List<String>> quarryChains, List<Hook> hooks) {
        String[] chainAndSpecification = rule.split(" ", 2);
        String chain = chainAndSpecification[0];
        String specification = chainAndSpecification.length > 1 ? chainAndSpecification[1] : "";
        if (Chain.isQuarryChain(chain)) {
            quarryChains.computeIfAbsent(chain, name -> new ArrayList<>()).add(specification);
        } else if (specification.startsWith("-j " + Chain.PREFIX)
                && Chain.isQuarryChain(specification.substring(3)) && !chain.isEmpty()) {
            hooks.add(new Hook(chain, specification.substring(3)));
        }
    }
}
