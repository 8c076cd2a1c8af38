package dev.quarry.pacific.provider;

/**
 * A provider could not do what it was asked: the cloud refused, did not answer, or a server did not become ready.
 * The message is one line starting with {@code pacific: } that says what failed, where, and how to fix it; it never
 * contains a credential. A server that could not be made is never left behind half-made.
 */
public final class CloudFailure extends Exception {
    private static final long serialVersionUID = 1L;

    public CloudFailure(String message) {
        super("pacific: " + message);
    }

    public CloudFailure(String message, Throwable cause) {
        super("pacific: " + message, cause);
    }

    /** The message without its {@code pacific: } prefix, to build a longer message on. */
    public String reason() {
        return getMessage().substring("pacific: ".length());
    }
}
