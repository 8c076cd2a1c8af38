package dev.quarry.hq.launch;

import dev.quarry.agent.runtime.ContainerRequest;
import dev.quarry.agent.runtime.ContainerRequestBuilder;
import dev.quarry.agent.runtime.PrepareRequest;
import dev.quarry.compiler.spec.ContainerSpec;
import java.util.Map;

/**
 * The agent's requests for a planned container. A service listens on its declared port (other
 * containers find it there through its published env); a node's containers get a port from their
 * server's range, given to them as PORT, so several can share a server.
 */
public final class ContainerRequests {
    /** The Docker label carrying a service's spec hash. */
    public static final String SPEC_HASH_LABEL = "spec-hash";

    private ContainerRequests() {}

    public static ContainerRequest start(ContainerPlan plan, String host, Map<String, String> env) {
        ContainerSpec container = plan.container();
        ContainerRequestBuilder builder = ContainerRequest.builder(plan.id().toString(), host)
                .kind(plan.kind())
                .image(container.image())
                .dockerfile(plan.dockerfile())
                .build(plan.build().toArray(String[]::new))
                .run(container.run())
                .port(plan.isService() ? container.port() : null)
                .memoryMebibytes((int) Math.min(Integer.MAX_VALUE, container.memory().mebibytes()))
                .cpuMillicores(container.cpu().millicores())
                .restart(container.restart())
                .health(container.readiness())
                .liveness(container.liveness());
        env.forEach(builder::env);
        plan.volumes().forEach(builder::volume);
        if (plan.isService()) {
            builder.label(SPEC_HASH_LABEL, plan.serviceHash());
        }
        return builder.toRequest();
    }

    public static PrepareRequest prepare(ContainerPlan plan, Map<String, String> env) {
        return prepare(plan, env, null);
    }

    /** @param buildKey names what the build makes ({@link BuildKey}), so a release with the same one reuses it */
    public static PrepareRequest prepare(ContainerPlan plan, Map<String, String> env, String buildKey) {
        return new PrepareRequest(plan.id().stack(), plan.id().node(), plan.id().release(), plan.kind(),
                plan.container().image(), plan.dockerfile(), plan.build(), env, buildKey);
    }
}
