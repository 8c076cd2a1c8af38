package dev.quarry.compiler;

import static java.util.Objects.requireNonNull;

import dev.quarry.compiler.spec.StackSpec;
import java.util.List;

/** What reading a quarry.yml gave: a valid spec, or every problem found in it. */
public sealed interface ParseResult {

    /** The file is valid. */
    record Parsed(StackSpec spec) implements ParseResult {
        public Parsed {
            requireNonNull(spec, "spec is null");
        }
    }

    /** The file is not valid; the problems are in file order and never empty. */
    record Invalid(List<Problem> problems) implements ParseResult {
        public Invalid {
            problems = problems.stream().sorted(Problem.IN_FILE_ORDER).distinct().toList();
            if (problems.isEmpty()) {
                throw new IllegalArgumentException("an invalid result needs at least one problem");
            }
        }

        /** Every problem on its own line, as printed to users. */
        public String report() {
            StringBuilder out = new StringBuilder();
            problems.forEach(problem -> out.append(problem).append('\n'));
            return out.toString();
        }
    }
}
