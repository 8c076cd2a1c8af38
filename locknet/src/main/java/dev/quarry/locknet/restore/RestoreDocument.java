package dev.quarry.locknet.restore;

import dev.quarry.locknet.grid.Family;
import dev.quarry.locknet.ruleset.FamilyRuleset;
import dev.quarry.locknet.ruleset.Hook;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Writes the iptables-restore document that, loaded with {@code --noflush}, turns Quarry's part of a filter
 * table from one state into another in a single transaction. It declares and fills only Quarry's chains,
 * inserts or deletes single hook rules, and never flushes a chain another tool owns.
 */
public final class RestoreDocument {
    private RestoreDocument() {}

    /** The document for a host where locknet never ran and Docker does not run, as {@code quarry locknet} prints it. */
    public static String forFreshHost(FamilyRuleset ruleset) {
        Family family = ruleset.family();
        List<String> heading = List.of(
                "# Quarry locknet, " + family.displayName() + ": load with " + family.restoreTool() + " -w --noflush",
                "# Changes only Quarry's chains and the jump into them; other tools' rules stay.");
        return render(heading, QuarryRules.NONE, TargetRules.of(ruleset, FilterTable.EMPTY));
    }

    /** The document that moves a table from {@code current} to {@code target}, with comment lines on top. */
    public static String render(List<String> heading, QuarryRules current, QuarryRules target) {
        StringBuilder document = new StringBuilder();
        heading.forEach(comment -> document.append(comment).append('\n'));
        document.append("*filter\n");
        target.chains().keySet().forEach(name -> document.append(':').append(name).append(" - [0:0]\n"));
        target.chains().forEach((name, rules) -> {
            document.append("-F ").append(name).append('\n');
            rules.forEach(rule -> document.append("-A ").append(name).append(' ').append(rule).append('\n'));
        });
        appendHookChanges(document, current, target);
        for (String name : current.chains().keySet()) {
            if (!target.chains().containsKey(name)) {
                document.append("-F ").append(name).append('\n').append("-X ").append(name).append('\n');
            }
        }
        return document.append("COMMIT\n").toString();
    }

    /** Inserts missing hooks at the top of their chain and deletes surplus ones, so each ends up as often as wanted. */
    private static void appendHookChanges(StringBuilder document, QuarryRules current, QuarryRules target) {
        Set<Hook> hooks = new LinkedHashSet<>(target.hooks());
        hooks.addAll(current.hooks());
        for (Hook hook : hooks) {
            int difference = target.count(hook) - current.count(hook);
            for (int added = 0; added < difference; added++) {
                document.append("-I ").append(hook.chain()).append(" 1 ").append(hook.specification()).append('\n');
            }
            for (int removed = 0; removed < -difference; removed++) {
                document.append("-D ").append(hook.chain()).append(' ').append(hook.specification()).append('\n');
            }
        }
    }
}
