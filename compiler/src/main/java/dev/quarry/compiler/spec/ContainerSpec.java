package dev.quarry.compiler.spec;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;
import java.util.Map;

/**
 * What services and nodes share: how a container runs, what it needs and what it waits for.
 *
 * @param image the docker image, or null
 * @param run the command, or null (then the image's own command)
 * @param port the port it listens on, or null
 * @param env its own environment, on top of the stack's
 * @param memory the memory it needs
 * @param cpu the cpu it needs
 * @param health how to tell it is ready, or null (see {@link #readiness()})
 * @param restart what happens when it exits
 * @param depends names of the services and nodes that start first
 * @param tags servers must carry all of these
 * @param liveness how it is watched once it is up, or null: the defaults ({@link LivenessSpec#DEFAULT})
 */
public record ContainerSpec(
        String image,
        String run,
        Integer port,
        Map<String, String> env,
        Size memory,
        Cpu cpu,
        HealthSpec health,
        RestartSpec restart,
        List<String> depends,
        List<String> tags,
        @JsonInclude(JsonInclude.Include.NON_NULL) LivenessSpec liveness) {

    public ContainerSpec {
        env = StackSpec.ordered(env, "env");
        requireNonNull(memory, "memory is null");
        requireNonNull(cpu, "cpu is null");
        requireNonNull(restart, "restart is null");
        depends = List.copyOf(depends);
        tags = List.copyOf(tags);
    }

    /** A container with the default liveness. */
    public ContainerSpec(String image, String run, Integer port, Map<String, String> env, Size memory, Cpu cpu,
            HealthSpec health, RestartSpec restart, List<String> depends, List<String> tags) {
        this(image, run, port, env, memory, cpu, health, restart, depends, tags, null);
    }

    /** How it is watched once up: its {@code liveness:}, or the defaults. */
    public LivenessSpec livenessOrDefault() {
        return liveness == null ? LivenessSpec.DEFAULT : liveness;
    }

    /**
     * How the runtime tells it is ready: its {@code health}; without one, a TCP connect to its port when it
     * has a port, else (a worker) running {@link HealthSpec#DEFAULT_GRACE} without exiting. Null means the TCP
     * connect.
     */
    public HealthSpec readiness() {
        if (health != null || port != null) {
            return health;
        }
        return HealthSpec.graceOnly(null, HealthSpec.DEFAULT_DEADLINE);
    }
}
