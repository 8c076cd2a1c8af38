package dev.quarry.locknet;

import dev.quarry.locknet.apply.Applier;
import dev.quarry.locknet.grid.Family;
import dev.quarry.locknet.grid.GridHosts;
import dev.quarry.locknet.grid.Ports;
import dev.quarry.locknet.grid.Role;
import dev.quarry.locknet.restore.RestoreDocument;
import dev.quarry.locknet.ruleset.Ruleset;
import dev.quarry.locknet.ruleset.RulesetRenderer;
import java.time.Duration;
import java.util.Set;

/**
 * What HQ, the agent and the CLI call. Rendering is pure; {@link #applier()} is the one door to this host's
 * iptables.
 */
public final class Locknet {
    /** How long an apply waits for HQ to reach the host again before it rolls itself back. */
    public static final Duration DEFAULT_CONFIRM_TIMEOUT = Duration.ofSeconds(15);

    private Locknet() {}

    /** The rules for one host: public SSH ports, HTTP and HTTPS on the router, everything between grid hosts. */
    public static Ruleset ruleset(GridHosts hosts, Set<Role> roles, Ports ports) {
        return RulesetRenderer.render(hosts, roles, ports);
    }

    /** The iptables-restore document for one family, as for a host where locknet never ran; deterministic. */
    public static String document(Ruleset ruleset, Family family) {
        return RestoreDocument.forFreshHost(ruleset.of(family));
    }

    /** Applies rulesets to this machine (needs root); keep one per process, as it tracks the pending apply. */
    public static Applier applier() {
        return Applier.onThisHost();
    }
}
