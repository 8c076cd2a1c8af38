package dev.quarry.hq.commands;

/** One quarry verb, such as {@code releases}. */
@FunctionalInterface
public interface Verb {
    /**
     * Runs with the caller's arguments; prints to {@code context.out()}.
     *
     * @return the exit status: 0 when it did what was asked
     * @throws VerbFailure with a one-line reason when it cannot
     */
    int run(VerbContext context) throws InterruptedException;
}
