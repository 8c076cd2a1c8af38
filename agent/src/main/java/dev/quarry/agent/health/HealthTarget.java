package dev.quarry.agent.health;

import static java.util.Objects.requireNonNull;

import dev.quarry.agent.runtime.ContainerRequest;
import dev.quarry.agent.runtime.ContainerStatus;
import java.util.List;
import java.util.Optional;
import java.util.function.IntFunction;
import java.util.function.Supplier;

/**
 * The container a health check looks at.
 *
 * @param request what it was started with: host, port and health spec
 * @param status its current status (the check gives up early once it has ended)
 * @param logs its last lines of output
 */
public record HealthTarget(ContainerRequest request, Supplier<Optional<ContainerStatus>> status,
        IntFunction<List<String>> logs) {
    public HealthTarget {
        requireNonNull(request, "request is null");
        requireNonNull(status, "status is null");
        requireNonNull(logs, "logs is null");
    }
}
