package dev.quarry.locknet.ruleset;

import static java.util.Objects.requireNonNull;

import dev.quarry.locknet.grid.LocknetInputException;
import dev.quarry.locknet.grid.Shown;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One iptables rule as its arguments after {@code -A CHAIN}, such as {@code -p tcp -m tcp --dport 22 -j ACCEPT}.
 * Every argument is a plain word, so a rule can never smuggle a second line or option into a document.
 *
 * @param arguments the rule's words, none empty, none with spaces, quotes or control characters
 */
public record Rule(List<String> arguments) {
    private static final Pattern WORD = Pattern.compile("[A-Za-z0-9._:/,+!-]+");

    public Rule {
        arguments = List.copyOf(requireNonNull(arguments, "arguments is null"));
        if (arguments.isEmpty()) {
            throw new LocknetInputException("a rule needs at least a target, such as -j ACCEPT");
        }
        for (String argument : arguments) {
            if (!WORD.matcher(argument).matches()) {
                throw new LocknetInputException("rule argument " + Shown.quoted(argument)
                        + " is not a plain word of letters, digits and ._:/,+!-");
            }
        }
    }

    public static Rule of(String... arguments) {
        return new Rule(List.of(arguments));
    }

    /** The arguments joined by spaces, as iptables-restore reads them. */
    public String specification() {
        return String.join(" ", arguments);
    }
}
