package dev.quarry.hq.commands;

/** A verb cannot do what was asked; the message is one line saying why and how to fix it. */
public final class VerbFailure extends RuntimeException {
    /** Exit status for a command used wrongly (bad arguments). */
    public static final int USAGE = 2;

    private final int exitStatus;

    public VerbFailure(String message) {
        this(message, 1);
    }

    public VerbFailure(String message, int exitStatus) {
        super(message);
        this.exitStatus = exitStatus;
    }

    public int exitStatus() {
        return exitStatus;
    }

    /** A usage error: the reason, then the usage line. */
    public static VerbFailure usage(String reason, String usage) {
        return new VerbFailure(reason + "; usage: " + usage, USAGE);
    }
}
