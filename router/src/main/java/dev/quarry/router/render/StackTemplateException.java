package dev.quarry.router.render;

/** A stack's own template does not compile or render. */
public final class StackTemplateException extends Exception {
    private final String stack;

    public StackTemplateException(String stack, String problem) {
        super("stack " + stack + ": its nginx template is broken: " + problem);
        this.stack = stack;
    }

    public String stack() {
        return stack;
    }
}
