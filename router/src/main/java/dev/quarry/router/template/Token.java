package dev.quarry.router.template;

import static java.util.Objects.requireNonNull;

/**
 * One word of nginx configuration.
 *
 * @param text the word as nginx reads it: quotes removed, escapes kept as written
 * @param quoted whether it was written in quotes or with a backslash, so it is never a plain name
 * @param line the line it starts on, from 1
 */
public record Token(String text, boolean quoted, int line) {
    public Token {
        requireNonNull(text, "text is null");
    }
}
