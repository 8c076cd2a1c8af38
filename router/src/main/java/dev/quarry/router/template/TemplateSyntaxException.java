package dev.quarry.router.template;

/** Text that is not nginx configuration: an unclosed quote or block, a stray brace or semicolon. */
public final class TemplateSyntaxException extends Exception {
    private final int line;

    public TemplateSyntaxException(int line, String problem) {
        super(problem);
        this.line = line;
    }

    public int line() {
        return line;
    }
}
