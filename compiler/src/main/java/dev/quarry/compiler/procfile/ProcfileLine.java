package dev.quarry.compiler.procfile;

import static java.util.Objects.requireNonNull;

/**
 * One process of a Procfile: {@code web: gunicorn app:app}.
 *
 * @param name the process type (a node name, or {@code release})
 * @param command the command, one line
 * @param line where it is in the Procfile, 1-based
 */
public record ProcfileLine(String name, String command, int line) {
    public ProcfileLine {
        requireNonNull(name, "name is null");
        requireNonNull(command, "command is null");
    }
}
