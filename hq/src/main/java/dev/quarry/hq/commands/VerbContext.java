package dev.quarry.hq.commands;

import static java.util.Objects.requireNonNull;

import dev.quarry.hq.access.Caller;
import dev.quarry.hq.launch.Progress;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * What a verb runs with.
 *
 * @param caller who runs it (the name of their key), allowed already; verbs write their changes to the
 *     audit log through it
 * @param arguments the words after the verb
 * @param in the caller's standard input (such as the public key of {@code keys add})
 * @param out where its output goes
 * @param connected whether the caller is still connected (a change is not made for someone who left)
 */
public record VerbContext(Caller caller, List<String> arguments, InputStream in, PrintWriter out,
        BooleanSupplier connected) {
    public VerbContext {
        requireNonNull(caller, "caller is null");
        arguments = List.copyOf(arguments);
        requireNonNull(in, "in is null");
        requireNonNull(out, "out is null");
        requireNonNull(connected, "connected is null");
    }

    /** The caller's name. */
    public String user() {
        return caller.name();
    }

    /** Progress lines (of a deploy) go to the output as they happen. */
    public Progress progress() {
        return line -> {
            out.println(line);
            out.flush();
        };
    }
}
