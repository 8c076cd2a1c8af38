package dev.quarry.compiler.procfile;

import static java.util.Objects.requireNonNull;

import dev.quarry.compiler.Problem;
import java.util.List;

/** What reading a Procfile gave: the quarry.yml it stands for, or every problem found in it. */
public sealed interface Derivation {

    /**
     * The Procfile is valid.
     *
     * @param quarryFile the quarry.yml it stands for (what a release records and {@code quarry build} shows)
     * @param summary one line saying what was derived, such as {@code web (routed on shop.localhost, PORT from
     *     the range), worker; release hook from release:}
     */
    record Derived(String quarryFile, String summary) implements Derivation {
        public Derived {
            requireNonNull(quarryFile, "quarryFile is null");
            requireNonNull(summary, "summary is null");
        }
    }

    /** The Procfile is not valid; the problems are in file order and never empty. */
    record Invalid(List<Problem> problems) implements Derivation {
        public Invalid {
            problems = problems.stream().sorted(Problem.IN_FILE_ORDER).toList();
            if (problems.isEmpty()) {
                throw new IllegalArgumentException("an invalid result needs at least one problem");
            }
        }
    }
}
