package dev.quarry.locknet.ruleset;

import static java.util.Objects.requireNonNull;

import dev.quarry.locknet.grid.LocknetInputException;
import dev.quarry.locknet.grid.Shown;
import java.util.List;

/**
 * One of Quarry's own chains and its rules in order. Only chains named {@code QUARRY-...} can be built,
 * so a ruleset can never flush a chain another tool owns.
 *
 * @param name {@code QUARRY-} and capital letters, such as {@code QUARRY-INPUT}
 * @param rules the rules, first match wins
 */
public record Chain(String name, List<Rule> rules) {
    public static final String PREFIX = "QUARRY-";

    public Chain {
        requireNonNull(name, "name is null");
        rules = List.copyOf(requireNonNull(rules, "rules is null"));
        if (!isQuarryChain(name)) {
            throw new LocknetInputException("chain " + Shown.quoted(name)
                    + " is not one of Quarry's; its name must be QUARRY- and capital letters");
        }
    }

    /** Whether a chain name is one locknet owns. */
    public static boolean isQuarryChain(String name) {
        return name.matches("QUARRY-[A-Z]+(-[A-Z]+)*");
    }
}
