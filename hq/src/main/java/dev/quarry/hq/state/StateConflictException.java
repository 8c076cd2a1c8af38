package dev.quarry.hq.state;

/** A compare-and-set lost: the key changed since the writer read it. Read again and retry, or give up. */
public final class StateConflictException extends StateException {
    public StateConflictException(StateKey key, long expected, long actual) {
        super(key + " changed since it was read (expected revision " + describe(expected) + ", found "
                + describe(actual) + "); read it again and retry");
    }

    private static String describe(long revision) {
        return revision == StateStore.ABSENT ? "none" : Long.toString(revision);
    }
}
