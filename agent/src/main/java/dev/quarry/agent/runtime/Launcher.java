package dev.quarry.agent.runtime;

import dev.quarry.agent.hook.HookRequest;
import dev.quarry.agent.hook.HookResult;
import dev.quarry.compiler.spec.RuntimeKind;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * What one kind of runtime (Docker, processes) does for the agent, without keeping anything running:
 * the supervisor above it restarts, counts and remembers.
 */
public interface Launcher {
    RuntimeKind kind();

    /** Builds or pulls what a release needs, once per release; later calls return at once. */
    default BuildOutcome prepare(PrepareRequest request) {
        return prepare(request, OutputLines.NONE);
    }

    /** The same, the build's output lines to {@code output} as they come. */
    BuildOutcome prepare(PrepareRequest request, OutputLines output);

    /** Starts the container (preparing its release first when needed) and returns the running instance. */
    Instance launch(ContainerRequest request);

    /** The instance still running from an earlier agent, if it still runs. */
    Optional<Instance> reattach(ContainerRequest request, String handle, Instant startedAt);

    /** Containers this runtime finds running or stopped without being told (Docker labels); may be empty. */
    List<ContainerRequest> discover();

    /** Its last {@code lines} lines of output, oldest first. */
    List<String> logs(ContainerRequest request, int lines);

    /** Deletes what the container left behind (a stopped Docker container, log files). */
    void discard(ContainerRequest request);

    /** What the container's status should mention, such as a limit this machine cannot enforce. */
    List<String> notes(ContainerRequest request);

    /** Runs a release's hook to completion. */
    default HookResult runHook(HookRequest request) {
        return runHook(request, OutputLines.NONE);
    }

    /** The same, its output lines to {@code output} as they come. */
    HookResult runHook(HookRequest request, OutputLines output);

    /** Runs a one-off command to its end ({@link Runtime#runOnce}). */
    default int runOnce(OneOff oneOff, OutputLines output, BooleanSupplier wanted) {
        throw new RuntimeFailure("one-off commands run beside process containers only; " + oneOff.container().id()
                + " is a " + kind().name().toLowerCase(Locale.ROOT) + " container");
    }

    /** Lets go of what it holds (threads, connections); running containers are left running. */
    default void close() {}
}
