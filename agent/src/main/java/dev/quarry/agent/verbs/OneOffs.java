package dev.quarry.agent.verbs;

import dev.quarry.agent.runtime.ContainerRequest;
import dev.quarry.agent.runtime.ContainerState;
import dev.quarry.agent.runtime.ContainerStatus;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The one-off commands running now, so {@code list} shows them while they run: each is named
 * {@code stack.node.run.N} (N counting up on this agent) and forgotten when it ends. Nothing is kept on disk: a
 * one-off does not outlive its caller, nor the agent.
 */
final class OneOffs {
    private final Map<String, ContainerStatus> running = new ConcurrentHashMap<>();
    private final AtomicInteger count = new AtomicInteger();

    /** Records a one-off beside {@code container} as running; answers its name. */
    String begin(ContainerRequest container, String program) {
        String id = container.stack() + "." + container.node() + ".run." + count.incrementAndGet();
        running.put(id, new ContainerStatus(id, container.stack(), container.node(), container.release(),
                container.kind(), ContainerState.RUNNING, null, 0, Instant.now(), container.host(),
                container.port() == null ? 0 : container.port(), null,
                List.of("a one-off command (" + program + "), removed when it ends")));
        return id;
    }

    void end(String id) {
        running.remove(id);
    }

    List<ContainerStatus> list() {
        return running.values().stream().sorted(Comparator.comparing(ContainerStatus::id)).toList();
    }
}
