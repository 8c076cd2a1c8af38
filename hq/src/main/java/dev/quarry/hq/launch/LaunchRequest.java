package dev.quarry.hq.launch;

import static java.util.Objects.requireNonNull;

import dev.quarry.compiler.plan.Plan;
import dev.quarry.compiler.spec.StackSpec;
import java.nio.file.Path;

/**
 * What a launcher needs to make a release run.
 *
 * @param plan the instructions, in order
 * @param spec the release's stack spec (env and scale applied)
 * @param source the folder holding the release's source
 */
public record LaunchRequest(Plan plan, StackSpec spec, Path source) {
    public LaunchRequest {
        requireNonNull(plan, "plan is null");
        requireNonNull(spec, "spec is null");
        requireNonNull(source, "source is null");
    }
}
