package dev.quarry.hq.commands;

import dev.quarry.hq.access.Request;
import java.util.List;

/** One quarry verb, such as {@code releases}. */
public interface Verb {
    /**
     * What running with {@code arguments} asks of the caller's access (which app and what, or admins only),
     * read from the arguments exactly as {@link #run} reads them; judged before anything is touched.
     *
     * @throws VerbFailure when the arguments are wrong (a usage error)
     */
    Request request(List<String> arguments);

    /**
     * Runs with the caller's arguments; prints to {@code context.out()}.
     *
     * @return the exit status: 0 when it did what was asked
     * @throws VerbFailure with a one-line reason when it cannot
     */
    int run(VerbContext context) throws InterruptedException;
}
