package dev.quarry.locknet.apply;

import java.io.IOException;
import java.util.List;

/** Runs one command to completion; {@link ProcessCommandRunner} is the real one. */
@FunctionalInterface
public interface CommandRunner {
    /**
     * Runs {@code command} (program and arguments, no shell) with {@code input} on its standard input.
     *
     * @throws IOException when the command cannot be started or does not finish in time
     */
    CommandResult run(List<String> command, String input) throws IOException;
}
