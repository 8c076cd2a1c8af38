package dev.quarry.locknet.grid;

/**
 * Input locknet refuses before anything runs: a host that is not an address, a role or port that does
 * not exist. The message is one line a user can act on, starting with {@code locknet: }.
 */
public final class LocknetInputException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public LocknetInputException(String message) {
        super("locknet: " + message);
    }
}
