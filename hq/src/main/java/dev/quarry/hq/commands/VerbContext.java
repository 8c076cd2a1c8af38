package dev.quarry.hq.commands;

import static java.util.Objects.requireNonNull;

import dev.quarry.hq.launch.Progress;
import java.io.PrintWriter;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * What a verb runs with.
 *
 * @param user who runs it (the name of their key file)
 * @param arguments the words after the verb
 * @param out where its output goes
 * @param connected whether the caller is still connected (a change is not made for someone who left)
 */
public record VerbContext(String user, List<String> arguments, PrintWriter out, BooleanSupplier connected) {
    public VerbContext {
        requireNonNull(user, "user is null");
        arguments = List.copyOf(arguments);
        requireNonNull(out, "out is null");
        requireNonNull(connected, "connected is null");
    }

    /** Progress lines (of a deploy) go to the output as they happen. */
    public Progress progress() {
        return line -> {
            out.println(line);
            out.flush();
        };
    }
}
