package dev.quarry.locknet.ruleset;

import static java.util.Objects.requireNonNull;

/**
 * The one rule that sends traffic from a chain other tools own into one of Quarry's: {@code -A chain -j target}.
 * Locknet keeps exactly one of each hook, at the top of its chain.
 *
 * @param chain the chain traffic passes through, such as {@code INPUT} or Docker's {@code DOCKER-USER}
 * @param target Quarry's chain, such as {@code QUARRY-INPUT}
 */
public record Hook(String chain, String target) implements Comparable<Hook> {
    /** Every packet addressed to this host. */
    public static final Hook INPUT = new Hook("INPUT", "QUARRY-INPUT");
    /** Every packet Docker forwards to a container, published ports included (they bypass INPUT). */
    public static final Hook DOCKER_USER = new Hook("DOCKER-USER", "QUARRY-DOCKER");

    public Hook {
        requireNonNull(chain, "chain is null");
        requireNonNull(target, "target is null");
        if (!Chain.isQuarryChain(target) || Chain.isQuarryChain(chain) || !chain.matches("\\S+")) {
            throw new IllegalArgumentException("a hook jumps from another tool's chain into Quarry's, got "
                    + chain + " -> " + target);
        }
    }

    /** The rule's arguments after {@code -A chain}: {@code -j QUARRY-INPUT}. */
    public String specification() {
        return "-j " + target;
    }

    @Override
    public int compareTo(Hook other) {
        int byChain = chain.compareTo(other.chain);
        return byChain != 0 ? byChain : target.compareTo(other.target);
    }
}
