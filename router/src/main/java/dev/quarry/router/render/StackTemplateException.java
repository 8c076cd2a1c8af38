package dev.quarry.router.render;

/** A stack's own template does not compile or render, or uses what a stack template may not. */
public final class StackTemplateException extends Exception {
    private final String stack;

    /** @param problem one line, such as {@code .quarry/nginx.mustache:3: directive "root" is not allowed ...} */
    public StackTemplateException(String stack, String problem) {
        super("stack " + stack + ": " + problem);
        this.stack = stack;
    }

    public String stack() {
        return stack;
    }
}
