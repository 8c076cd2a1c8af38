package dev.quarry.cli;

/** Exit statuses shared by every command. */
public final class ExitCodes {
    public static final int OK = 0;
    /** Something broke: a daemon could not be reached, a file could not be written. */
    public static final int FAILURE = 1;
    /** The input was invalid (a bad quarry.yml, a bad option); the error lines are on stderr. */
    public static final int INVALID_INPUT = 2;

    private ExitCodes() {}
}
