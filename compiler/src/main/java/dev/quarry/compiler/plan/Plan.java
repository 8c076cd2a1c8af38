package dev.quarry.compiler.plan;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;

/**
 * The ordered instructions that take a stack from its previous release to this one. Data only:
 * printing or storing it runs nothing.
 *
 * @param stack the stack's name
 * @param release the release these instructions make
 * @param revision the source revision, or empty when unknown
 * @param instructions in order: ENSUREs, DEPLOYs, SCALEs, ROUTEs, KILLs
 */
public record Plan(String stack, int release, String revision, List<Instruction> instructions) {
    public Plan {
        requireNonNull(stack, "stack is null");
        revision = revision == null ? "" : revision;
        instructions = List.copyOf(instructions);
    }

    @JsonIgnore
    public boolean isEmpty() {
        return instructions.isEmpty();
    }
}
