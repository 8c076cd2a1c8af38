package dev.quarry.hq.launch;

import static java.util.Objects.requireNonNull;

import dev.quarry.agent.runtime.ContainerId;
import dev.quarry.compiler.plan.SpecHash;
import dev.quarry.compiler.spec.ContainerSpec;
import dev.quarry.compiler.spec.NodeSpec;
import dev.quarry.compiler.spec.RuntimeKind;
import dev.quarry.compiler.spec.ServiceSpec;
import dev.quarry.compiler.spec.VolumeSpec;
import dev.quarry.slicegrid.model.Resources;
import dev.quarry.slicegrid.model.Slice;
import java.util.List;
import java.util.Set;

/**
 * One container that should run: its id ({@code stack.name.release.index}) and how it runs, from a
 * node or a service of the stack's spec.
 *
 * @param id the container's id on its server
 * @param container how it runs
 * @param kind docker or process
 * @param dockerfile the node's Dockerfile, or null
 * @param build the node's build commands
 * @param volumes the service's volumes
 * @param serviceHash the service's spec hash, or null for a node's container
 */
public record ContainerPlan(ContainerId id, ContainerSpec container, RuntimeKind kind, String dockerfile,
        List<String> build, List<VolumeSpec> volumes, String serviceHash) {

    public ContainerPlan {
        requireNonNull(id, "id is null");
        requireNonNull(container, "container is null");
        requireNonNull(kind, "kind is null");
        build = List.copyOf(build);
        volumes = List.copyOf(volumes);
    }

    public static ContainerPlan ofNode(String stack, NodeSpec node, int release, int index) {
        return new ContainerPlan(new ContainerId(stack, node.name(), release, index), node.container(),
                node.runtime(), node.dockerfile(), node.build(), List.of(), null);
    }

    public static ContainerPlan ofService(String stack, ServiceSpec service, int release) {
        return new ContainerPlan(new ContainerId(stack, service.name(), release, 1), service.container(),
                service.runtime(), null, List.of(), service.volumes(), SpecHash.of(service));
    }

    public boolean isService() {
        return serviceHash != null;
    }

    /** Whether its server needs the release's source: processes run in it, Dockerfiles build from it. */
    public boolean needsSource() {
        return kind == RuntimeKind.PROCESS || dockerfile != null;
    }

    /** {@code stack/name}, as plans write it. */
    public String target() {
        return id.stack() + "/" + id.node();
    }

    /** What slicegrid places: the container's demand and tags; replicas of one node and release are spread. */
    public Slice slice() {
        Resources demand = Resources.of((int) Math.min(Integer.MAX_VALUE, container.memory().mebibytes()),
                container.cpu().millicores());
        return new Slice(id.toString(), target() + "@" + id.release(), demand, Set.copyOf(container.tags()));
    }
}
