package dev.quarry.agent.runtime;

import dev.quarry.agent.hook.HookRequest;
import dev.quarry.agent.hook.HookResult;
import dev.quarry.compiler.spec.RuntimeKind;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * Runs containers of one kind on this server and keeps them running by their restart policy. Every
 * operation is idempotent by container id, so HQ can retry any of them safely.
 */
public interface Runtime {
    RuntimeKind kind();

    /** Builds or pulls what a release needs, once per release. */
    default BuildOutcome prepare(PrepareRequest request) {
        return prepare(request, OutputLines.NONE);
    }

    /** Builds or pulls what a release needs, once per release, its build's output lines to {@code output}. */
    BuildOutcome prepare(PrepareRequest request, OutputLines output);

    /** Starts the container; if it already runs (or waits to restart), answers its state and does nothing. */
    ContainerStatus start(ContainerRequest request);

    /** Stops it: SIGTERM, then SIGKILL after {@code grace}; an unknown or stopped id is fine. */
    Optional<ContainerStatus> stop(String id, Duration grace);

    /** Its status, if this runtime knows it. */
    Optional<ContainerStatus> status(String id);

    /** The request it was started with, if this runtime knows it. */
    Optional<ContainerRequest> request(String id);

    /** Every container this runtime knows, running or not, by id. */
    List<ContainerStatus> list();

    /** Its last {@code lines} lines of output, oldest first; empty for an unknown id. */
    List<String> logs(String id, int lines);

    /** Stops it if needed and forgets it; answers whether it was known. */
    boolean remove(String id, Duration grace);

    /** Runs a release's hook to completion. */
    default HookResult runHook(HookRequest request) {
        return runHook(request, OutputLines.NONE);
    }

    /** Runs a release's hook to completion, its output lines to {@code output} as they come. */
    HookResult runHook(HookRequest request, OutputLines output);

    /**
     * Runs a one-off command to its end, its output lines to {@code output} as they come; kills it when
     * {@code wanted} turns false (whoever asked left). Answers its exit status, or {@link OneOff#TIMED_OUT} or
     * {@link OneOff#ABANDONED}.
     */
    default int runOnce(OneOff oneOff, OutputLines output, BooleanSupplier wanted) {
        throw new RuntimeFailure("one-off commands run beside process containers only; " + oneOff.container().id()
                + " is a " + kind().name().toLowerCase(Locale.ROOT) + " container");
    }

    /** Its health check passed (the health verb saw it): it is up, so the router may have it at once. */
    default void passed(String id) {}

    /** Stops watching containers, leaving them running for the next agent to find. */
    void detach();
}
