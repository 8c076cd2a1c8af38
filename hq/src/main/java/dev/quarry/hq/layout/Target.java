package dev.quarry.hq.layout;

import static java.util.Objects.requireNonNull;

import dev.quarry.compiler.spec.StackSpec;
import java.util.Map;

/**
 * What should run for a stack: its live release's spec and layout.
 *
 * @param release the live release, or 0 when none has deployed (then nothing should run)
 * @param spec that release's spec, env and scale applied
 * @param layout which containers that means
 */
public record Target(int release, StackSpec spec, Layout layout) {
    public Target {
        requireNonNull(spec, "spec is null");
        requireNonNull(layout, "layout is null");
    }

    /** Nothing runs: a stack with no live release. */
    public static Target nothing(String stack) {
        return new Target(0, new StackSpec(stack, Map.of(), StackSpec.DEFAULT_KEEP_RELEASES, Map.of(), Map.of()),
                Layout.EMPTY);
    }
}
