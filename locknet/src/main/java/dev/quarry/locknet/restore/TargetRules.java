package dev.quarry.locknet.restore;

import dev.quarry.locknet.ruleset.Chain;
import dev.quarry.locknet.ruleset.FamilyRuleset;
import dev.quarry.locknet.ruleset.Hook;
import dev.quarry.locknet.ruleset.Rule;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What Quarry's part of a table should be for a ruleset, on a host with a given table. */
public final class TargetRules {
    private TargetRules() {}

    /** The ruleset's chains, and each hook once, where its chain exists (DOCKER-USER only where Docker runs). */
    public static QuarryRules of(FamilyRuleset ruleset, FilterTable table) {
        Map<String, List<String>> chains = new LinkedHashMap<>();
        for (Chain chain : ruleset.chains()) {
            chains.put(chain.name(), chain.rules().stream().map(Rule::specification).toList());
        }
        List<Hook> hooks = ruleset.hooks().stream().filter(hook -> table.hasChain(hook.chain())).toList();
        return new QuarryRules(chains, hooks);
    }
}
