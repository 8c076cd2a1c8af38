package dev.quarry.router.template;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Turns nginx configuration text into directives and blocks; pure. */
public final class NginxParser {
    /** Deeper nesting than this is refused (nginx itself needs no more than a few levels). */
    static final int MAX_DEPTH = 8;

    private NginxParser() {}

    /** The directives of {@code text}, read as the inside of a block (a {@code }} too many is refused). */
    public static List<Directive> parse(String text) throws TemplateSyntaxException {
        return block(new NginxTokenizer(text), 0);
    }

    private static List<Directive> block(NginxTokenizer tokenizer, int depth) throws TemplateSyntaxException {
        List<Directive> directives = new ArrayList<>();
        while (true) {
            NginxTokenizer.Statement statement = tokenizer.next();
            switch (statement.end()) {
                case END_OF_TEXT -> {
                    if (depth > 0) {
                        throw new TemplateSyntaxException(statement.line(), "unexpected end of text, expecting \"}\"");
                    }
                    return directives;
                }
                case BLOCK_END -> {
                    if (depth == 0) {
                        throw new TemplateSyntaxException(statement.line(), "unexpected \"}\"");
                    }
                    return directives;
                }
                case SEMICOLON -> directives.add(directive(statement, Optional.empty()));
                case BLOCK_START -> {
                    if (depth + 1 >= MAX_DEPTH) {
                        throw new TemplateSyntaxException(statement.line(), "blocks nested more than " + MAX_DEPTH + " deep");
                    }
                    directives.add(directive(statement, Optional.of(block(tokenizer, depth + 1))));
                }
            }
        }
    }

    private static Directive directive(NginxTokenizer.Statement statement, Optional<List<Directive>> block) {
        List<Token> words = statement.words();
        return new Directive(words.get(0), words.subList(1, words.size()), block);
    }
}
