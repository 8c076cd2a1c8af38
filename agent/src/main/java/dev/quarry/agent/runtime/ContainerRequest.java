package dev.quarry.agent.runtime;

import static java.util.Objects.requireNonNull;

import dev.quarry.compiler.spec.HealthSpec;
import dev.quarry.compiler.spec.LivenessSpec;
import dev.quarry.compiler.spec.RestartSpec;
import dev.quarry.compiler.spec.RuntimeKind;
import dev.quarry.compiler.spec.VolumeSpec;
import java.util.List;
import java.util.Map;

/**
 * What HQ asks an agent to run: one container of a node or service.
 *
 * @param id {@code stack.node.release.index}, such as {@code shop.web.3.1}; every verb is idempotent by it
 * @param stack the stack's name
 * @param node the node's or service's name
 * @param release the release it runs, from 1
 * @param kind docker or process; null means docker when image or dockerfile is set, else process
 * @param image the Docker image to run (pulled when absent), or null
 * @param dockerfile the Dockerfile, relative to the release's source, to build the image from, or null
 * @param build commands run once per release in the release's source before the first start (process)
 * @param run the command ({@code sh -c}); may be null for docker, meaning the image's own command
 * @param env its environment; the agent adds HOST and PORT
 * @param host the server's address the container listens on, such as 127.0.5.2
 * @param port the port it listens on, or null to have the agent assign one from its range
 * @param memoryMebibytes its memory limit in MiB, or 0 for none
 * @param cpuMillicores its cpu limit in thousandths of a core, or 0 for none
 * @param restart what happens when it exits; null means the default (always, no max, 1 s)
 * @param health how to tell it is ready, or null: ready once its port accepts connections
 * @param volumes named volumes (docker only), such as {@code pgdata:/var/lib/postgresql/data}
 * @param labels extra Docker labels; the agent adds its own under {@code dev.quarry.}
 * @param liveness how it is watched once up, or null for the defaults (its health path or port, every 10 s,
 *     3 failures in a row)
 */
public record ContainerRequest(
        String id,
        String stack,
        String node,
        int release,
        RuntimeKind kind,
        String image,
        String dockerfile,
        List<String> build,
        String run,
        Map<String, String> env,
        String host,
        Integer port,
        int memoryMebibytes,
        int cpuMillicores,
        RestartSpec restart,
        HealthSpec health,
        List<VolumeSpec> volumes,
        Map<String, String> labels,
        LivenessSpec liveness) {

    public ContainerRequest {
        ContainerId parsed = ContainerId.parse(id);
        if (!parsed.stack().equals(stack) || !parsed.node().equals(node) || parsed.release() != release) {
            throw new IllegalArgumentException("id " + Quoted.of(id) + " does not match stack " + Quoted.of(stack)
                    + ", node " + Quoted.of(node) + " and release " + release + "; an id is " + ContainerId.RULE);
        }
        kind = kind != null ? kind : (image != null || dockerfile != null ? RuntimeKind.DOCKER : RuntimeKind.PROCESS);
        build = build == null ? List.of() : List.copyOf(build);
        env = RequestChecks.environment(env);
        requireNonNull(host, "host is null");
        RequestChecks.address(host);
        RequestChecks.port(port);
        RequestChecks.limits(memoryMebibytes, cpuMillicores);
        restart = restart == null ? RestartSpec.DEFAULT : restart;
        volumes = volumes == null ? List.of() : List.copyOf(volumes);
        labels = RequestChecks.labels(labels);
        RequestChecks.kind(kind, image, dockerfile, run, volumes);
    }

    public ContainerId containerId() {
        return ContainerId.parse(id);
    }

    /** The same request listening on {@code assigned}. */
    public ContainerRequest withPort(int assigned) {
        return new ContainerRequest(id, stack, node, release, kind, image, dockerfile, build, run, env, host,
                assigned, memoryMebibytes, cpuMillicores, restart, health, volumes, labels, liveness);
    }

    public static ContainerRequestBuilder builder(String id, String host) {
        return new ContainerRequestBuilder(id, host);
    }
}
