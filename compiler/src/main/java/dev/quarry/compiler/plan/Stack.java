package dev.quarry.compiler.plan;

import static java.util.Objects.requireNonNull;

import dev.quarry.compiler.spec.StackSpec;

/**
 * A compiled release of a stack: what the next compile is compared against.
 *
 * @param spec the validated quarry.yml (with any scale and env changes made since)
 * @param release the release number, from 1
 * @param revision the source revision (a git commit), or empty when unknown
 */
public record Stack(StackSpec spec, int release, String revision) {
    public Stack {
        requireNonNull(spec, "spec is null");
        revision = revision == null ? "" : revision;
        if (release < 1) {
            throw new IllegalArgumentException("releases are numbered from 1, got " + release);
        }
    }

    public String name() {
        return spec.name();
    }
}
