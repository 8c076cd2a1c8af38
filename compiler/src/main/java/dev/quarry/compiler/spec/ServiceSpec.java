package dev.quarry.compiler.spec;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;

/**
 * A long-running dependency, started once and kept running across pushes until its own spec changes.
 *
 * @param name the service's name
 * @param container how it runs
 * @param volumes named volumes that survive restarts and redeploys
 * @param publish environment written into the stack env for every other container; values may hold
 *     {@code ${host}} and {@code ${port}}
 */
public record ServiceSpec(String name, ContainerSpec container, List<VolumeSpec> volumes, Map<String, String> publish) {

    public ServiceSpec {
        requireNonNull(name, "name is null");
        requireNonNull(container, "container is null");
        volumes = List.copyOf(volumes);
        publish = StackSpec.ordered(publish, "publish");
    }

    /** Docker when it names an image, else a plain process. */
    public RuntimeKind runtime() {
        return container.image() != null ? RuntimeKind.DOCKER : RuntimeKind.PROCESS;
    }
}
