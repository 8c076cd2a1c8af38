package dev.quarry.router.template;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/**
 * One nginx directive: its name, its arguments, and the directives of its block when it has one.
 *
 * @param name the first word
 * @param arguments the words after it
 * @param block the directives between its braces; empty when it ends with {@code ;}
 */
public record Directive(Token name, List<Token> arguments, Optional<List<Directive>> block) {
    public Directive {
        requireNonNull(name, "name is null");
        arguments = List.copyOf(arguments);
        block = block.map(List::copyOf);
    }

    public int line() {
        return name.line();
    }
}
