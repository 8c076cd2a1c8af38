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
        List<String> notes) {

    public ContainerStatus {
        requireNonNull(id, "id is null");
        requireNonNull(kind, "kind is null");
        requireNonNull(state, "state is null");
        requireNonNull(host, "host is null");
        notes = notes == null ? List.of() : List.copyOf(notes);
    }
}
