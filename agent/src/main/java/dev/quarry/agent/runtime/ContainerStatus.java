package dev.quarry.agent.runtime;

import static java.util.Objects.requireNonNull;

import dev.quarry.compiler.spec.RuntimeKind;
import java.time.Instant;
import java.util.List;

/**
 * What an agent knows about one of its containers, as {@code list} shows it.
 *
 * @param id {@code stack.node.release.index}
 * @param stack the stack's name
 * @param node the node's or service's name
 * @param release the release it runs
 * @param kind docker or process
 * @param state running, restarting, exited or stopped
 * @param exitCode its last exit status, or null when it has not exited (or the status is unknown)
 * @param restarts how many times the agent started it again after it exited
 * @param startedAt when it last started, or null
 * @param host the address it listens on
 * @param port the port it listens on
 * @param handle the process id or the Docker container id, or null when nothing runs
 * @param notes what a reader should know, such as a limit the machine cannot enforce or why it gave up
 * @param phase where it is in its life, in the words a user sees (booting, warming, up, unhealthy, restarting,
 *     stopped, failed); null from an agent that does not say
 * @param reason why it last exited, was restarted or gave up, or null
 * @param liveness its liveness probes: failures in a row and the last results; null when it was never probed
 */
public record ContainerStatus(
        String id,
        String stack,
        String node,
        int release,
        RuntimeKind kind,
        ContainerState state,
        Integer exitCode,
        int restarts,
        Instant startedAt,
        String host,
        int port,
        String handle,
        List<String> notes,
        ContainerPhase phase,
        String reason,
        LivenessReport liveness) {

    public ContainerStatus {
        requireNonNull(id, "id is null");
        requireNonNull(kind, "kind is null");
        requireNonNull(state, "state is null");
        requireNonNull(host, "host is null");
        notes = notes == null ? List.of() : List.copyOf(notes);
    }

    /** A status without phase, reason or liveness (as an agent that does not watch liveness reports). */
    public ContainerStatus(String id, String stack, String node, int release, RuntimeKind kind, ContainerState state,
            Integer exitCode, int restarts, Instant startedAt, String host, int port, String handle,
            List<String> notes) {
        this(id, stack, node, release, kind, state, exitCode, restarts, startedAt, host, port, handle, notes, null,
                null, null);
    }

    /** Whether the router may send it requests: it runs, and it is up (or its agent does not say). */
    public boolean routable() {
        return state == ContainerState.RUNNING && (phase == null || phase.routable());
    }
}
