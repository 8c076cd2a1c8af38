package dev.quarry.locknet.apply;

/**
 * Something broke while reading or loading rules: iptables is missing, refused a document, or took too long.
 * The message is one line starting with {@code locknet: } and says whether anything changed.
 */
public final class LocknetFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public LocknetFailure(String message) {
        super("locknet: " + message);
    }
}
